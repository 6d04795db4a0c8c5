package vn.dossierstats.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The end of a log file, for error messages. */
final class Logs {

    private Logs() {}

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return "\n  " + String.join("\n  ", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
