package com.ventusvault.accounts.graphql;

import com.ventusvault.accounts.domain.Role;
import com.ventusvault.accounts.domain.User;
import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.notifications.Notification;
import com.ventusvault.accounts.notifications.NotificationPage;
import com.ventusvault.accounts.notifications.NotificationPreference;
import com.ventusvault.accounts.notifications.NotificationPreferences;
import com.ventusvault.accounts.notifications.NotificationSink;
import com.ventusvault.accounts.notifications.PreferenceChange;
import com.ventusvault.accounts.notifications.PreferenceUpdate;
import com.ventusvault.accounts.persistence.UserRepository;
import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.errors.ErrorCode;
import com.ventusvault.platform.security.Viewer;
import com.ventusvault.platform.security.ViewerArgumentResolver;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Notifications in the API: the staff-only {@code notifications} query over the local sink (it holds reset tokens
 * and login codes, so customers get FORBIDDEN even when they call accounts directly), {@code Notification.user},
 * {@code updateNotificationPreferences}, and {@code User.notificationPreferences}, which only the user themself sees
 * (null for everyone else, staff included).
 */
@Controller
class NotificationController {

    private static final int MAX_PAGE = 100;
    private static final int MAX_CHANGES = 50;

    private final NotificationSink sink;
    private final NotificationPreferences preferences;
    private final UserRepository users;

    NotificationController(NotificationSink sink, NotificationPreferences preferences, UserRepository users) {
        this.sink = sink;
        this.preferences = preferences;
        this.users = users;
    }

    @QueryMapping
    Mono<NotificationPage> notifications(Viewer viewer, @Argument String userId, @Argument Integer first,
                                         @Argument String after) {
        if (!viewer.hasRole(Role.SUPPORT.name()) && !viewer.hasRole(Role.ADMIN.name())) {
            return Mono.error(new ApiException(ErrorCode.FORBIDDEN, "Only staff (SUPPORT or ADMIN) may read notifications"));
        }
        int size = first == null ? 20 : first;
        if (size < 1 || size > MAX_PAGE) {
            return Mono.error(ApiException.badInput("first must be between 1 and " + MAX_PAGE, "first"));
        }
        Optional<UserId> user = Optional.empty();
        if (userId != null) {
            user = UserId.parse(userId);
            if (user.isEmpty()) {
                return Mono.error(ApiException.badInput("userId is not a user id", "userId"));
            }
        }
        Optional<UserId> filter = user;
        return Mono.defer(() -> sink.page(filter, size, after));
    }

    @SchemaMapping(typeName = "Notification", field = "id")
    String id(Notification notification) {
        return notification.id().toString();
    }

    @BatchMapping(typeName = "Notification", field = "user")
    Mono<Map<Notification, User>> user(List<Notification> notifications) {
        List<UserId> ids = notifications.stream().map(Notification::userId).distinct().toList();
        return users.findAllById(ids).collectMap(User::id, Function.identity())
                .map(found -> notifications.stream().filter(n -> found.containsKey(n.userId()))
                        .collect(Collectors.toMap(Function.identity(), n -> found.get(n.userId()))));
    }

    @MutationMapping
    Mono<NotificationPreferencesPayload> updateNotificationPreferences(Viewer viewer,
                                                                       @Argument List<PreferenceChange> input) {
        if (input.size() > MAX_CHANGES) {
            return Mono.error(ApiException.badInput("At most " + MAX_CHANGES + " preferences at once", "input"));
        }
        return preferences.update(new UserId(viewer.userId()), input).map(update -> switch (update) {
            case PreferenceUpdate.Saved saved -> new NotificationPreferencesPayload(saved.preferences(), List.of());
            case PreferenceUpdate.Refused refused -> new NotificationPreferencesPayload(null,
                    refused.violations().stream().map(UserError::of).toList());
        });
    }

    @SchemaMapping(typeName = "User", field = "notificationPreferences")
    Mono<List<NotificationPreference>> notificationPreferences(User user, DataFetchingEnvironment environment) {
        return self(user, environment) ? preferences.of(user.id()) : Mono.empty();
    }

    /** The user themself: the signed-in viewer, or the owner of a session just opened (register, login). */
    private static boolean self(User user, DataFetchingEnvironment environment) {
        if (environment.getLocalContext() instanceof GraphQLContext local
                && user.id().equals(local.get(UserPrivacyController.SESSION_OWNER))) {
            return true;
        }
        return ViewerArgumentResolver.current(environment.getGraphQlContext())
                .map(viewer -> viewer.userId().equals(user.id().value()))
                .orElse(false);
    }
}
