package io.eventpipe.launcher.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Positional arguments and --name value options (or --flag alone, for the flags a command declares). */
final class CliArgs {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    CliArgs(List<String> args, Set<String> flags) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
            } else if (flags.contains(arg.substring(2))) {
                options.put(arg.substring(2), "true");
            } else if (i + 1 < args.size()) {
                options.put(arg.substring(2), args.get(++i));
            } else {
                throw new UsageException(arg + " needs a value");
            }
        }
    }

    String positional(int index, String name) {
        if (index >= positional.size()) {
            throw new UsageException("missing " + name);
        }
        return positional.get(index);
    }

    String positionalOr(int index, String fallback) {
        return index < positional.size() ? positional.get(index) : fallback;
    }

    String option(String name) {
        return options.get(name);
    }

    boolean flag(String name) {
        return "true".equals(options.get(name));
    }

    /** A command's arguments were wrong: the usage is shown, exit status 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
