package io.eventpipe.common.logging;

import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * One log line per event and stage, with the eventId in the MDC: in JSON logs
 * (EVENTPIPE_LOG_FORMAT=JSON) it is the field mdc.eventId, the correlation id that the Kafka
 * header eventpipe-correlation-id carries from the relay to the receipt, so one event can be
 * followed through every service's log.
 */
public final class EventLog {

    public static final String MDC_KEY = "eventId";

    private EventLog() {
    }

    public static void info(Logger log, String eventId, String format, Object... arguments) {
        if (!log.isInfoEnabled()) {
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, eventId == null ? "-" : eventId)) {
            log.info(format, arguments);
        }
    }
}
