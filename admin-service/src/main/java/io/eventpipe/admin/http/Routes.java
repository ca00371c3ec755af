package io.eventpipe.admin.http;

import io.eventpipe.admin.admins.AdminAccounts;
import io.eventpipe.admin.analyst.GroupReset;
import io.eventpipe.admin.analyst.ReplayService;
import io.eventpipe.admin.analyst.TopicExport;
import io.eventpipe.admin.auth.AdminAuthenticator;
import io.eventpipe.admin.dashboard.LiveFeed;
import io.eventpipe.admin.auth.LoginChallenges;
import io.eventpipe.admin.auth.SessionTokens;
import io.eventpipe.admin.devices.DeviceRevocations;
import io.eventpipe.admin.labels.LabelConfigService;
import io.eventpipe.admin.relays.RelayService;
import io.eventpipe.admin.sre.TopicOperations;
import io.eventpipe.admin.store.AuditLog;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.function.Supplier;

/** What the admin API's handlers need, built by AdminApp. */
public record Routes(AdminAuthenticator authenticator, LoginChallenges challenges, SessionTokens sessions, AuditLog audit,
                     LabelConfigService labels, RelayService relays, AdminAccounts admins, DeviceRevocations devices,
                     TopicOperations topics, ReplayService replays, GroupReset groups, TopicExport export, LiveFeed feed,
                     PrometheusMeterRegistry metrics,
                     Supplier<String> notReadyBecause, Clock clock) {
}
