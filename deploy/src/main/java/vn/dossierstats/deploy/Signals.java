package vn.dossierstats.deploy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** POSIX signals the JDK cannot send itself (it has only SIGTERM and SIGKILL): SIGSTOP and SIGCONT, through kill(1). */
final class Signals {

    private Signals() {}

    static void send(String signal, ProcessHandle process) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder(List.of("kill", "-" + signal, String.valueOf(process.pid())))
                .redirectErrorStream(true)
                .start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + signal + " " + process.pid() + " failed: "
                    + new String(kill.getInputStream().readAllBytes()));
        }
    }
}
