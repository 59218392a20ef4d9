package io.baeum.suite.clients;

/** What a sign-in answers: the token pair and the login session ({@code sid}) it belongs to. */
public record Session(String accessToken, String refreshToken, String sessionId) {
}
