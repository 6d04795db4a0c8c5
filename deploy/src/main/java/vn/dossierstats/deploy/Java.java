package vn.dossierstats.deploy;

import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs: the same java that runs the launcher, and the launcher's own class path. */
final class Java {

    private Java() {}

    static String executable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static List<String> command(List<String> jvmOptions, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }
}
