package io.baeum.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.baeum.common.error.DomainException;
import io.baeum.common.error.ErrorKind;

/** The client-credentials grant: a configured client proves its secret and gets a narrow token. */
@Component
public class ServiceTokens {

    private final ServiceClientProperties clients;
    private final AccessTokenIssuer issuer;

    ServiceTokens(ServiceClientProperties clients, AccessTokenIssuer issuer) {
        this.clients = clients;
        this.issuer = issuer;
    }

    public ServiceToken issue(@Nullable String clientId, @Nullable String secret, @Nullable String requestedScope) {
        ServiceClientProperties.Client client = clientId == null ? null : clients.clients().get(clientId);
        // compare digests in constant time; an unknown client costs the same
        byte[] presented = sha256(secret == null ? "" : secret);
        byte[] expected = sha256(client == null ? "\0unknown-client" : client.secret());
        if (client == null || !MessageDigest.isEqual(presented, expected)) {
            throw new DomainException(ErrorKind.UNAUTHENTICATED, "INVALID_CLIENT", "Client authentication failed.");
        }
        List<String> scopes;
        if (requestedScope == null || requestedScope.isBlank()) {
            scopes = client.scopes();
        }
        else {
            Set<String> asked = new LinkedHashSet<>(Arrays.asList(requestedScope.strip().split("\\s+")));
            if (!client.scopes().containsAll(asked)) {
                throw new DomainException(ErrorKind.INVALID, "INVALID_SCOPE", "The client may not ask for this scope.");
            }
            scopes = List.copyOf(asked);
        }
        AccessTokenIssuer.IssuedAccessToken token = issuer.forService(clientId, client.audiences(), scopes);
        return new ServiceToken(token.value(), "Bearer", token.expiresIn(), String.join(" ", scopes));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public record ServiceToken(String accessToken, String tokenType, long expiresIn, String scope) {
    }
}
