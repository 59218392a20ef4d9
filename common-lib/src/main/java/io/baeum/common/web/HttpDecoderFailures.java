package io.baeum.common.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Answers requests that Netty's HTTP decoder could not read (a request line over
 * {@code server.netty.max-initial-line-length}, headers over {@code server.max-http-request-header-size},
 * a malformed request line or header) in the {@link ApiResponse} envelope with an {@code X-Request-Id}:
 * 414 {@code URI_TOO_LONG}, 431 {@code HEADERS_TOO_LARGE}, 400 {@code MALFORMED_REQUEST}, then closes the
 * connection. Reactor Netty answers these itself with an empty body and offers no hook, so a handler right
 * behind the HTTP codec takes such requests before Reactor Netty sees them.
 */
public final class HttpDecoderFailures implements NettyServerCustomizer {

    static final String HANDLER_NAME = "baeum.decoderFailures";

    private final Clock clock;

    public HttpDecoderFailures(Clock clock) {
        this.clock = clock;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null
                    && channel.pipeline().get(HANDLER_NAME) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, new Handler(clock));
            }
        });
    }

    /** The envelope answering a decoder failure, as JSON bytes. */
    static String envelope(HttpResponseStatus status, String code, String detail, String requestId, String timestamp) {
        return "{\"success\":false,\"data\":null,\"error\":{\"type\":\"about:blank\",\"title\":\""
                + status.reasonPhrase() + "\",\"status\":" + status.code() + ",\"detail\":\"" + detail
                + "\",\"instance\":null,\"code\":\"" + code + "\",\"fieldErrors\":[]},\"metadata\":{\"requestId\":\""
                + requestId + "\",\"timestamp\":\"" + timestamp + "\"}}";
    }

    /** One per connection: it remembers that the connection's request was refused. */
    static final class Handler extends ChannelInboundHandlerAdapter {

        private final Clock clock;
        private boolean failed;

        Handler(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (failed) {
                ReferenceCountUtil.release(msg);   // whatever the decoder still emits for a refused request
                return;
            }
            if (msg instanceof HttpObject && msg instanceof DecoderResultProvider decoded
                    && decoded.decoderResult().isFailure()) {
                failed = true;
                Throwable cause = decoded.decoderResult().cause();
                ReferenceCountUtil.release(msg);
                answer(ctx, cause);
                return;
            }
            if (msg instanceof HttpRequest request && !wellFormedEscapes(request.uri())) {
                // Reactor Netty would refuse it while parsing the path, with an empty 400
                failed = true;
                ReferenceCountUtil.release(msg);
                answer(ctx, null);
                return;
            }
            ctx.fireChannelRead(msg);
        }

        /** Every '%' of the request target starts an escape of two hex digits. */
        static boolean wellFormedEscapes(String uri) {
            for (int i = uri.indexOf('%'); i >= 0; i = uri.indexOf('%', i + 1)) {
                if (i + 2 >= uri.length() || Character.digit(uri.charAt(i + 1), 16) < 0
                        || Character.digit(uri.charAt(i + 2), 16) < 0) {
                    return false;
                }
            }
            return true;
        }

        private void answer(ChannelHandlerContext ctx, Throwable cause) {
            HttpResponseStatus status;
            String code;
            String detail;
            if (cause instanceof TooLongHttpLineException) {
                status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
                code = "URI_TOO_LONG";
                detail = "The request line (method, path and query) is too long.";
            } else if (cause instanceof TooLongHttpHeaderException) {
                status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
                code = "HEADERS_TOO_LARGE";
                detail = "The request headers are too large.";
            } else {
                status = HttpResponseStatus.BAD_REQUEST;
                code = "MALFORMED_REQUEST";
                detail = "The request is not well-formed HTTP.";
            }
            String requestId = UUID.randomUUID().toString();
            ByteBuf body = Unpooled.copiedBuffer(
                    envelope(status, code, detail, requestId, clock.instant().toString()), StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                    .set(RequestIds.HEADER, requestId);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
