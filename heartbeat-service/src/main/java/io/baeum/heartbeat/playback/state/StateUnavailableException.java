package io.baeum.heartbeat.playback.state;

import org.springframework.http.HttpStatus;

import io.baeum.common.web.DomainException;

/** Redis could not be reached in time: nothing was judged or credited; the client retries. */
public class StateUnavailableException extends DomainException {

    public StateUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "STATE_UNAVAILABLE", "session state is unavailable: " + cause);
        initCause(cause);
    }
}
