package io.baeum.heartbeat.playback.web;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.baeum.contract.progress.ProgressEventKind.SessionStarted;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;
import io.baeum.heartbeat.playback.DirectiveNames;
import io.baeum.heartbeat.playback.PlaybackService;
import io.baeum.heartbeat.playback.domain.Beat;
import io.baeum.heartbeat.playback.domain.BeatCause;
import io.baeum.heartbeat.playback.domain.Directive;
import io.baeum.heartbeat.playback.domain.HeartbeatJudge;
import io.baeum.heartbeat.playback.domain.PlaybackSession;
import io.baeum.heartbeat.playback.domain.PlayerState;
import io.baeum.heartbeat.playback.domain.Visibility;
import io.baeum.heartbeat.playback.web.PlaybackWebModels.BeatRequest;
import io.baeum.heartbeat.playback.web.PlaybackWebModels.BeatResponse;
import io.baeum.heartbeat.playback.web.PlaybackWebModels.Credited;
import io.baeum.heartbeat.playback.web.PlaybackWebModels.CuePassRequest;
import io.baeum.heartbeat.playback.web.PlaybackWebModels.DirectiveView;
import io.baeum.heartbeat.playback.web.PlaybackWebModels.IdentityAnswerRequest;
import io.baeum.heartbeat.playback.web.PlaybackWebModels.SessionResponse;
import io.baeum.heartbeat.playback.web.PlaybackWebModels.StartRequest;
import io.baeum.heartbeat.playback.web.PlaybackWebModels.Totals;

/** The player's API: sessions, heartbeats, cue passes, identity checks. Translates and delegates only. */
@RestController
@RequestMapping("/api/v1/playback/sessions")
class PlaybackController {

    private static final String ID = "{sessionId:[A-Za-z0-9_]{1,64}}";

    private final PlaybackService playback;

    PlaybackController(PlaybackService playback) {
        this.playback = playback;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<SessionResponse>> start(@AuthenticationPrincipal VerifiedAccessToken token,
            @Valid @RequestBody StartRequest request, ServerHttpRequest http) {
        var client = new PlaybackService.ClientContext(clientIp(http), sha256(request.deviceFingerprint()),
                userAgent(http));
        return playback.start(token, request.grant(), client).map(result -> {
            PlaybackSession s = result.session();
            return ApiResponse.ok(new SessionResponse(s.id(), s.lessonId(), (int) Math.floor(s.lastPosition()),
                    (int) Math.floor(s.furthest()), s.policy().heartbeatIntervalSeconds(), s.policy().maxPlaybackRate(),
                    s.policy().creditMode().name(), totals(s), views(result.outcome().directives())));
        });
    }

    @PostMapping("/" + ID + "/heartbeats")
    Mono<ApiResponse<BeatResponse>> beat(@AuthenticationPrincipal VerifiedAccessToken token,
            @PathVariable String sessionId, @Valid @RequestBody BeatRequest request) {
        Beat beat = new Beat(request.sequence(), request.position(), request.rate(),
                PlayerState.valueOf(request.state().toUpperCase(Locale.ROOT)),
                Visibility.valueOf(request.visibility().toUpperCase(Locale.ROOT)),
                BeatCause.valueOf(request.event().toUpperCase(Locale.ROOT)), request.clientTime());
        return playback.beat(token, sessionId, beat).map(result -> ApiResponse.ok(response(result, request.sequence())));
    }

    @PostMapping("/" + ID + "/cues/{cueId:[A-Za-z0-9_.-]{1,128}}/pass")
    Mono<ApiResponse<BeatResponse>> passCue(@AuthenticationPrincipal VerifiedAccessToken token,
            @PathVariable String sessionId, @PathVariable String cueId, @Valid @RequestBody CuePassRequest request) {
        return playback.passCue(token, sessionId, cueId, request.pass())
                .map(result -> ApiResponse.ok(response(result, result.session().lastSequence())));
    }

    @PostMapping("/" + ID + "/identity-checks/{challengeId:[A-Za-z0-9]{1,64}}")
    Mono<ApiResponse<BeatResponse>> answerIdentityCheck(@AuthenticationPrincipal VerifiedAccessToken token,
            @PathVariable String sessionId, @PathVariable String challengeId,
            @Valid @RequestBody IdentityAnswerRequest request) {
        return playback.answerIdentityCheck(token, sessionId, challengeId, request.code())
                .map(result -> ApiResponse.ok(response(result, result.session().lastSequence())));
    }

    @PostMapping("/" + ID + "/end")
    Mono<ApiResponse<BeatResponse>> end(@AuthenticationPrincipal VerifiedAccessToken token,
            @PathVariable String sessionId) {
        return playback.end(token, sessionId)
                .map(result -> ApiResponse.ok(response(result, result.session().lastSequence())));
    }

    private static BeatResponse response(PlaybackService.Result result, long sequence) {
        var outcome = result.outcome();
        return new BeatResponse(result.session().id(), sequence,
                new Credited(outcome.creditedSeconds(), outcome.creditedMillis()),
                outcome.refusal() == null ? null : outcome.refusal().name(), totals(result.session()),
                views(outcome.directives()));
    }

    private static Totals totals(PlaybackSession s) {
        int percent = HeartbeatJudge.progressPercent(s);
        return new Totals(s.coverage().seconds(), s.studyMillis(), percent,
                percent >= s.policy().completionThresholdPercent(), (int) Math.floor(s.furthest()));
    }

    private static List<DirectiveView> views(List<Directive> directives) {
        return directives.stream().map(PlaybackController::view).toList();
    }

    private static DirectiveView view(Directive directive) {
        String type = DirectiveNames.of(directive);
        return switch (directive) {
            case Directive.PauseForIdentityCheck p -> new DirectiveView(type, p.challenge().id(),
                    p.challenge().kind().name(), p.challenge().code(), null, null, null, null);
            case Directive.ShowQuiz q -> new DirectiveView(type, null, null, null, q.cueId(), q.atSecond(), null, null);
            case Directive.SeekBack s -> new DirectiveView(type, null, null, null, null, s.positionSecond(), null, null);
            case Directive.LimitRate l -> new DirectiveView(type, null, null, null, null, null, l.maxRate(), null);
            case Directive.Terminated t -> new DirectiveView(type, null, null, null, null, null, null, t.reason());
            case Directive.Continue c -> new DirectiveView(type, null, null, null, null, null, null, null);
        };
    }

    /**
     * The client address: the gateway's {@code X-Forwarded-For} (first hop), applied to the request's remote
     * address by Reactor Netty ({@code server.forward-headers-strategy: native}; heartbeat-service is
     * reachable only through the gateway), else the peer address.
     */
    private static String clientIp(ServerHttpRequest http) {
        InetSocketAddress remote = http.getRemoteAddress();
        String ip = remote == null ? null
                : remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        if (ip == null || ip.isEmpty()) {
            return "unknown";
        }
        return ip.length() > SessionStarted.MAX_CLIENT_IP_LENGTH ? ip.substring(0, SessionStarted.MAX_CLIENT_IP_LENGTH) : ip;
    }

    private static String userAgent(ServerHttpRequest http) {
        String agent = http.getHeaders().getFirst(HttpHeaders.USER_AGENT);
        if (agent == null) {
            return null;
        }
        return agent.length() > SessionStarted.MAX_USER_AGENT_LENGTH
                ? agent.substring(0, SessionStarted.MAX_USER_AGENT_LENGTH) : agent;
    }

    private static byte[] sha256(String fingerprint) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
