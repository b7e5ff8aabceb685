package com.ventusvault.accounts.notifications.delivery;

import com.ventusvault.accounts.notifications.DeliveryTrigger;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/** The couriers chosen by {@link NotificationProperties} and the worker that drives them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class DeliveryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeliveryConfiguration.class);

    @Bean
    Couriers notificationCouriers(NotificationProperties properties) {
        NotificationProperties.Worker worker = properties.worker();
        Courier sms = switch (properties.sms().provider()) {
            case LOCAL -> new LocalSink();
            case TWILIO -> new TwilioSms(client(worker), properties.sms().twilio());
        };
        Courier email = switch (properties.email().provider()) {
            case LOCAL -> new LocalSink();
            case SENDGRID -> new SendGridEmail(client(worker), properties.email().sendgrid());
        };
        log.info("Notifications: SMS via {}, email via {}", describe(properties.sms().provider().name(),
                properties.sms().twilio().baseUrl()), describe(properties.email().provider().name(),
                properties.email().sendgrid().baseUrl()));
        return new Couriers(sms, email);
    }

    @Bean
    DeliveryWorker notificationDeliveryWorker(DeliveryQueue queue, Couriers couriers, DeliveryTrigger trigger,
                                              NotificationProperties properties, Clock clock) {
        return new DeliveryWorker(queue, couriers, trigger, properties.worker(), clock);
    }

    private static WebClient.Builder client(NotificationProperties.Worker worker) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(worker.timeout().toMillis(), 30_000))
                .responseTimeout(worker.timeout());
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http));
    }

    private static String describe(String provider, Object baseUrl) {
        return provider.equals("LOCAL") ? "the local sink" : provider + " at " + baseUrl;
    }
}
