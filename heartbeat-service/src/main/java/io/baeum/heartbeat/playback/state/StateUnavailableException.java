package io.baeum.heartbeat.playback.state;

import io.baeum.common.error.DomainException;
import io.baeum.common.error.ErrorKind;

/** Redis could not be reached in time: nothing was judged or credited; the client retries. */
public class StateUnavailableException extends DomainException {

    public StateUnavailableException(Throwable cause) {
        super(ErrorKind.UNAVAILABLE, "STATE_UNAVAILABLE", "session state is unavailable: " + cause);
        initCause(cause);
    }
}
