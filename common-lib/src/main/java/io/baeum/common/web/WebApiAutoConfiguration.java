package io.baeum.common.web;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.codec.ServerCodecConfigurer;

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
    ApiErrorWebExceptionHandler apiErrorWebExceptionHandler(ServerCodecConfigurer codecs,
                                                            ObjectProvider<Clock> clock) {
        return new ApiErrorWebExceptionHandler(ApiErrorWebExceptionHandler.defaultMessages(), codecs,
                clock.getIfAvailable(Clock::systemUTC));
    }
}
