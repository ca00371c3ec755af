package io.eventpipe.common.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM, on the same Java the parent runs on. */
public final class JavaCommand {

    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private String classpath;
    private String mainClass;
    private Path jar;

    public static JavaCommand mainClass(String classpath, String mainClass) {
        JavaCommand command = new JavaCommand();
        command.classpath = classpath;
        command.mainClass = mainClass;
        return command;
    }

    public static JavaCommand jar(Path jar) {
        JavaCommand command = new JavaCommand();
        command.jar = jar;
        return command;
    }

    public JavaCommand jvm(String... options) {
        jvmArgs.addAll(List.of(options));
        return this;
    }

    public JavaCommand property(String key, String value) {
        jvmArgs.add("-D" + key + "=" + value);
        return this;
    }

    public JavaCommand args(String... arguments) {
        args.addAll(List.of(arguments));
        return this;
    }

    public List<String> toList() {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmArgs);
        if (jar != null) {
            command.add("-jar");
            command.add(jar.toString());
        } else {
            command.add("-cp");
            command.add(classpath);
            command.add(mainClass);
        }
        command.addAll(args);
        return command;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
