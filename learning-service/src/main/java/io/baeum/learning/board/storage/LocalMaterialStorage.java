package io.baeum.learning.board.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.baeum.common.error.DomainException;
import io.baeum.learning.board.BoardProperties;
import io.baeum.learning.board.MaterialStorage;

/**
 * Materials on the local filesystem under {@code baeum.learning.boards.materials.root}: written to a temporary
 * file and moved into place, so a failed or refused upload leaves nothing; read back in 64 KiB buffers.
 */
@Component
class LocalMaterialStorage implements MaterialStorage {

    private static final int CHUNK = 64 * 1024;

    private final Path root;

    LocalMaterialStorage(BoardProperties properties) {
        this.root = properties.materials().rootOrDefault().toAbsolutePath().normalize();
    }

    @Override
    public Mono<Void> store(String key, Flux<DataBuffer> content) {
        return Mono.fromCallable(() -> {
                    Path target = resolve(key);
                    Files.createDirectories(target.getParent());
                    return target;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(target -> {
                    Path temp = target.resolveSibling(".upload-" + UUID.randomUUID());
                    return DataBufferUtils.write(content, temp)
                            .then(Mono.fromCallable(() -> Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE)).subscribeOn(Schedulers.boundedElastic()))
                            .onErrorResume(error -> Mono.fromCallable(() -> Files.deleteIfExists(temp))
                                    .subscribeOn(Schedulers.boundedElastic()).then(Mono.error(error)))
                            .then();
                });
    }

    @Override
    public Flux<DataBuffer> read(String key) {
        return Mono.fromCallable(() -> resolve(key))
                .flatMapMany(path -> DataBufferUtils.read(path, DefaultDataBufferFactory.sharedInstance, CHUNK))
                .onErrorMap(NoSuchFileException.class, e -> DomainException.notFound("MATERIAL_NOT_FOUND", "the file is gone"));
    }

    @Override
    public Mono<Void> delete(String key) {
        return Mono.fromCallable(() -> Files.deleteIfExists(resolve(key))).subscribeOn(Schedulers.boundedElastic()).then();
    }

    /** Keys are ours (course id / material id), but a path never leaves the root whatever it says. */
    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new UncheckedIOException(new IOException("key outside the storage root: " + key));
        }
        return path;
    }
}
