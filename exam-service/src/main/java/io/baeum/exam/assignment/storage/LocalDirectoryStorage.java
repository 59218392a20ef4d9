package io.baeum.exam.assignment.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.baeum.common.error.DomainException;
import io.baeum.exam.config.ExamProperties;

/** Files in a local directory (local runs and tests); written to a temporary name, then moved into place. */
@Component
class LocalDirectoryStorage implements SubmissionStorage {

    private final Path directory;

    LocalDirectoryStorage(ExamProperties properties) {
        this.directory = properties.uploads().storageDirectory().toAbsolutePath();
    }

    @Override
    public Mono<Stored> store(Flux<DataBuffer> content, long maxBytes) {
        return Mono.fromCallable(() -> {
                    Files.createDirectories(directory);
                    return Files.createTempFile(directory, "upload-", ".part");
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(temp -> write(temp, content, maxBytes));
    }

    private Mono<Stored> write(Path temp, Flux<DataBuffer> content, long maxBytes) {
        MessageDigest sha = sha256();
        long[] size = {0};
        OutputStream out;
        try {
            out = Files.newOutputStream(temp);
        } catch (IOException e) {
            return Mono.error(new UncheckedIOException(e));
        }
        return content.publishOn(Schedulers.boundedElastic())
                .concatMap(buffer -> {
                    try {
                        size[0] += buffer.readableByteCount();
                        if (size[0] > maxBytes) {
                            return Mono.error(DomainException.invalid("FILE_TOO_LARGE", "the file is larger than " + maxBytes + " bytes", maxBytes));
                        }
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        sha.update(bytes);
                        out.write(bytes);
                        return Mono.<Void>empty();
                    } catch (IOException e) {
                        return Mono.<Void>error(new UncheckedIOException(e));
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .then(Mono.fromCallable(() -> {
                    out.close();
                    String key = UUID.randomUUID().toString();
                    Files.move(temp, directory.resolve(key), StandardCopyOption.ATOMIC_MOVE);
                    return new Stored(key, HexFormat.of().formatHex(sha.digest()), size[0]);
                }))
                .onErrorResume(error -> Mono.fromCallable(() -> {
                    out.close();
                    return Files.deleteIfExists(temp);
                }).then(Mono.error(error)));
    }

    @Override
    public Mono<Void> delete(String key) {
        return Mono.fromCallable(() -> Files.deleteIfExists(directory.resolve(key))).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
