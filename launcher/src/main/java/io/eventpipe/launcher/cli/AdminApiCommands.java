package io.eventpipe.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.common.httpsig.SigningClient;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * ./eventpipe admin | analyst | sre: the admin API from the command line, each request signed
 * with the admin's key (RFC 9421). Answers are printed as JSON; an error answer goes to stderr
 * with exit status 1, wrong arguments give the usage and 2.
 */
public final class AdminApiCommands {

    public static final String USAGE = """
            ./eventpipe admin|analyst|sre [--url ADMIN_URL] [--credentials FILE] COMMAND ...
            (default: the local stack's admin-service and its first admin's credentials;
             or EVENTPIPE_ADMIN_URL and EVENTPIPE_ADMIN_CREDENTIALS)

              admin whoami | admins | relays | label-configs | audit [--action A] [--limit N]
              admin label-config-publish FILE.json
              admin relay-provision ID NAME [--launch | --endpoint URL]
              admin relay-approve|relay-revoke|relay-rotate|relay-start|relay-stop ID [REASON]
              admin device-revoke DEVICE_ID [REASON]
              admin admin-add ID NAME PUBLIC_KEY_BASE64 | admin-revoke ID [REASON]
              admin call METHOD PATH [JSON | @FILE]        any route of admin-service/openapi.yaml
              analyst replay TOPIC TARGET [--from T] [--to T] [--execute]
                        the plan; with --execute the copy, followed until it ends
              analyst replays | replay-status JOB | replay-cancel JOB
              analyst reset-group GROUP TOPIC --to T|earliest|latest [--execute]
              analyst export TOPIC [--from T] [--to T] [--partition P --from-offset A --to-offset B] [--limit N]
                        JSON Lines on stdout, Avro decoded
              sre topics
              sre partitions TOPIC N [--execute]     never a decrease; warns about key order
            T is an ISO-8601 instant, e.g. 2026-11-24T09:00:00Z.
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FLAGS = Set.of("launch", "execute");
    private static final Duration FOLLOW_EVERY = Duration.ofSeconds(1);

    private final SigningClient client;
    private final PrintStream out;
    private final PrintStream err;

    AdminApiCommands(SigningClient client, PrintStream out, PrintStream err) {
        this.client = client;
        this.out = out;
        this.err = err;
    }

    /** args[0] is admin, analyst or sre. */
    public static int run(List<String> args, Map<String, String> env, Path devCredentials, String devUrl, PrintStream out,
                          PrintStream err) throws Exception {
        try {
            CliArgs parsed = new CliArgs(args.subList(1, args.size()), FLAGS);
            String url = firstOf(parsed.option("url"), env.get("EVENTPIPE_ADMIN_URL"), devUrl);
            Path credentials = Path.of(firstOf(parsed.option("credentials"), env.get("EVENTPIPE_ADMIN_CREDENTIALS"),
                    devCredentials.toString()));
            if (!Files.isReadable(credentials)) {
                err.println("no admin credentials at " + credentials + ": start the local stack once (./eventpipe dev) or pass "
                        + "--credentials FILE");
                return 1;
            }
            AdminApiCommands commands = new AdminApiCommands(SigningClient.fromAdminCredentials(url, credentials), out, err);
            return commands.dispatch(args.get(0), parsed);
        } catch (CliArgs.UsageException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (java.net.ConnectException e) {
            err.println("admin-service does not answer: " + e.getMessage());
            return 1;
        }
    }

    private int dispatch(String group, CliArgs args) throws Exception {
        String command = group + " " + args.positional(0, "command");
        return switch (command) {
            case "admin whoami" -> print("GET", "/v1/admin/me", null);
            case "admin admins" -> print("GET", "/v1/admin/admins", null);
            case "admin relays" -> print("GET", "/v1/admin/relays", null);
            case "admin label-configs" -> print("GET", "/v1/admin/label-configs", null);
            case "admin audit" -> print("GET", "/v1/admin/audit?" + query("action", args.option("action"), "limit",
                    args.option("limit")), null);
            case "admin label-config-publish" -> print("POST", "/v1/admin/label-configs",
                    Files.readString(Path.of(args.positional(1, "FILE.json"))));
            case "admin relay-provision" -> print("POST", "/v1/admin/relays", provision(args));
            case "admin relay-approve", "admin relay-revoke", "admin relay-rotate", "admin relay-start", "admin relay-stop" ->
                    print("POST", "/v1/admin/relays/" + args.positional(1, "ID") + "/" + command.substring("admin relay-".length()),
                            reason(args));
            case "admin device-revoke" -> print("POST", "/v1/admin/devices/" + args.positional(1, "DEVICE_ID") + "/revoke", reason(args));
            case "admin admin-add" -> print("POST", "/v1/admin/admins", JSON.createObjectNode().put("adminId", args.positional(1, "ID"))
                    .put("name", args.positional(2, "NAME")).put("publicKey", args.positional(3, "PUBLIC_KEY_BASE64")).toString());
            case "admin admin-revoke" -> print("POST", "/v1/admin/admins/" + args.positional(1, "ID") + "/revoke", reason(args));
            case "admin call" -> print(args.positional(1, "METHOD"), args.positional(2, "PATH"), body(args.positionalOr(3, null)));
            case "analyst replay" -> replay(args);
            case "analyst replays" -> print("GET", "/v1/admin/replays", null);
            case "analyst replay-status" -> print("GET", "/v1/admin/replays/" + args.positional(1, "JOB"), null);
            case "analyst replay-cancel" -> print("POST", "/v1/admin/replays/" + args.positional(1, "JOB") + "/cancel", null);
            case "analyst reset-group" -> print("POST", "/v1/admin/consumer-groups/" + args.positional(1, "GROUP") + "/reset",
                    JSON.createObjectNode().put("topic", args.positional(2, "TOPIC")).put("to", required(args, "to"))
                            .put("dryRun", !args.flag("execute")).toString());
            case "analyst export" -> export(args);
            case "sre topics" -> print("GET", "/v1/admin/topics", null);
            case "sre partitions" -> print("POST", "/v1/admin/topics/" + args.positional(1, "TOPIC") + "/partitions",
                    JSON.createObjectNode().put("partitions", Integer.parseInt(args.positional(2, "N")))
                            .put("dryRun", !args.flag("execute")).toString());
            default -> throw new CliArgs.UsageException("unknown command: " + command);
        };
    }

    private int print(String method, String path, String body) throws Exception {
        HttpResponse<String> response = client.call(method, path, body);
        boolean ok = response.statusCode() / 100 == 2;
        PrintStream target = ok ? out : err;
        try {
            target.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(response.body())));
        } catch (java.io.IOException e) {
            target.println(response.body());
        }
        if (!ok) {
            err.println("(HTTP " + response.statusCode() + ")");
        }
        return ok ? 0 : 1;
    }

    private int replay(CliArgs args) throws Exception {
        ObjectNode request = JSON.createObjectNode().put("topic", args.positional(1, "TOPIC")).put("target", args.positional(2, "TARGET"))
                .put("from", args.option("from")).put("to", args.option("to")).put("dryRun", !args.flag("execute"));
        HttpResponse<String> started = client.call("POST", "/v1/admin/replays", request.toString());
        if (started.statusCode() != 202) {
            return print(started);
        }
        String jobId = JSON.readTree(started.body()).get("jobId").asText();
        out.println("replay " + jobId + " started: " + JSON.readTree(started.body()).get("offsets").asLong() + " offsets");
        while (true) {
            JsonNode job = JSON.readTree(client.call("GET", "/v1/admin/replays/" + jobId, null).body());
            out.printf("%s %s: %d of %d copied%n", jobId, job.get("state").asText(), job.get("copied").asLong(),
                    job.get("offsets").asLong());
            if (!"RUNNING".equals(job.get("state").asText())) {
                if (job.hasNonNull("error")) {
                    err.println(job.get("error").asText());
                }
                return "DONE".equals(job.get("state").asText()) ? 0 : 1;
            }
            LockSupport.parkNanos(FOLLOW_EVERY.toNanos());
        }
    }

    private int print(HttpResponse<String> response) throws Exception {
        boolean ok = response.statusCode() / 100 == 2;
        (ok ? out : err).println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(response.body())));
        return ok ? 0 : 1;
    }

    private int export(CliArgs args) throws Exception {
        String query = query("from", args.option("from"), "to", args.option("to"), "partition", args.option("partition"),
                "fromOffset", args.option("from-offset"), "toOffset", args.option("to-offset"), "limit", args.option("limit"));
        HttpResponse<InputStream> response = client.stream("/v1/admin/topics/" + args.positional(1, "TOPIC") + "/export?" + query);
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                err.println(new String(body.readAllBytes(), StandardCharsets.UTF_8) + " (HTTP " + response.statusCode() + ")");
                return 1;
            }
            body.transferTo(out);
        }
        out.flush();
        return 0;
    }

    private static String provision(CliArgs args) {
        ObjectNode request = JSON.createObjectNode().put("relayId", args.positional(1, "ID")).put("name", args.positional(2, "NAME"));
        if (args.flag("launch")) {
            request.put("launch", true);
        } else if (args.option("endpoint") != null) {
            request.put("endpoint", args.option("endpoint"));
        }
        return request.toString();
    }

    private static String reason(CliArgs args) {
        String reason = args.positionalOr(2, null);
        return reason == null ? null : JSON.createObjectNode().put("reason", reason).toString();
    }

    private static String body(String argument) throws java.io.IOException {
        return argument == null ? null : argument.startsWith("@") ? Files.readString(Path.of(argument.substring(1))) : argument;
    }

    private static String required(CliArgs args, String option) {
        String value = args.option(option);
        if (value == null) {
            throw new CliArgs.UsageException("--" + option + " is required");
        }
        return value;
    }

    /** name, value, name, value...: the pairs with a value, URL-encoded. */
    private static String query(String... pairs) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                query.append(query.length() == 0 ? "" : "&").append(pairs[i]).append('=')
                        .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
