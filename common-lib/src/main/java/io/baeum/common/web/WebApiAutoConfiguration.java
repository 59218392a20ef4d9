package io.baeum.common.web;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * The web conventions every Baeum WebFlux service gets by depending on common-lib: request ids (also
 * in the logging MDC) and one error handler answering in the {@link ApiResponse} envelope.
 *
 * <p>Error texts come from {@code baeum/common-messages} (shipped here) and the service's own
 * {@code baeum/messages} bundle, in English and Korean.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class WebApiAutoConfiguration {

    static {
        MdcRequestIdPropagation.register();
    }

    @Bean
    @ConditionalOnMissingBean
    RequestIdWebFilter requestIdWebFilter() {
        return new RequestIdWebFilter();
    }

    @Bean
    @ConditionalOnMissingBean
    RequestInputWebFilter requestInputWebFilter() {
        return new RequestInputWebFilter();
    }

    /** Strict JSON binding of request bodies (no scalar coercion, no control characters): {@link StrictJson}. */
    @Bean
    StrictJson strictJson() {
        return new StrictJson();
    }

    @Bean
    @ConditionalOnMissingBean
    ApiErrorWebExceptionHandler apiErrorWebExceptionHandler(ServerCodecConfigurer codecs,
                                                            ObjectProvider<Clock> clock) {
        return new ApiErrorWebExceptionHandler(ApiErrorWebExceptionHandler.defaultMessages(), codecs,
                clock.getIfAvailable(Clock::systemUTC));
    }

    /** Requests Netty's HTTP decoder refuses (URI or headers too long, malformed) answered in the envelope. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "reactor.netty.http.server.HttpServer")
    static class NettyDecoderFailures {

        @Bean
        HttpDecoderFailures httpDecoderFailures(ObjectProvider<Clock> clock) {
            return new HttpDecoderFailures(clock.getIfAvailable(Clock::systemUTC));
        }
    }

    /** Spring Security's firewall refusals (encoded slash, "..", NUL in the path) answered in the envelope. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler")
    static class FirewallRejections {

        @Bean
        @ConditionalOnMissingBean
        ServerExchangeRejectedHandler serverExchangeRejectedHandler(ApiErrorWebExceptionHandler errors) {
            return errors::handle;
        }
    }
}
