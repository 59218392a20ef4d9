package io.baeum.auth.pii;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    @Bean
    PersonalDataCipher personalDataCipher(CryptoProperties properties) {
        return new PersonalDataCipher(properties);
    }

    @Bean
    BlindIndex blindIndex(CryptoProperties properties) {
        return new BlindIndex(properties);
    }
}
