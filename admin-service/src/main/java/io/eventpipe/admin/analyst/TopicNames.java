package io.eventpipe.admin.analyst;

import io.eventpipe.admin.http.ApiProblem;
import io.eventpipe.web.JsonResponses;
import java.util.regex.Pattern;

/**
 * A topic name from a request, checked before the cluster is asked anything: what Kafka accepts as a
 * name (letters, digits, '.', '_', '-'; at most 249). A name outside it is the client's mistake
 * (400), not an unavailable cluster.
 */
final class TopicNames {

    private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private TopicNames() {
    }

    static boolean isLegal(String name) {
        return name != null && LEGAL.matcher(name).matches() && !name.equals(".") && !name.equals("..");
    }

    static String checked(String field, String name) throws ApiProblem {
        if (!isLegal(name)) {
            throw new ApiProblem(400, JsonResponses.error("invalid_topic",
                    field + " must be a topic name: letters, digits, '.', '_', '-'"));
        }
        return name;
    }
}
