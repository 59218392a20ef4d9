package io.baeum.learning.board;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.learning.board.domain.CourseMaterial;
import io.baeum.learning.board.domain.EntryStatus;
import io.baeum.learning.board.domain.MaterialRules;
import io.baeum.learning.board.persistence.MaterialStore;
import io.baeum.learning.support.Page;
import io.baeum.learning.support.PageRequest;

/**
 * Course materials: the course's staff upload (type and size checked as the bytes arrive, so an oversized upload
 * stops early and leaves nothing), participants list and download (streamed from the storage port).
 */
@Service
public class MaterialService {

    private final MaterialStore store;
    private final MaterialStorage storage;
    private final BoardService boards;
    private final MaterialRules rules;
    private final Clock clock;

    MaterialService(MaterialStore store, MaterialStorage storage, BoardService boards, BoardProperties properties, Clock clock) {
        this.store = store;
        this.storage = storage;
        this.boards = boards;
        this.rules = new MaterialRules(properties.materials().allowedExtensions(), properties.materials().maxBytes());
        this.clock = clock;
    }

    public Mono<Page<CourseMaterial>> list(UUID courseId, VerifiedAccessToken caller, PageRequest page) {
        return boards.reader(courseId, caller).flatMap(reader -> store.ofCourse(courseId, reader, page));
    }

    public Mono<CourseMaterial> upload(UUID courseId, VerifiedAccessToken caller, String title, String givenFileName,
                                       Flux<DataBuffer> content) {
        return boards.reader(courseId, caller).flatMap(reader -> {
            CourseMaterial.requireUploader(reader);
            String fileName = rules.fileName(givenFileName);
            String contentType = rules.contentType(fileName);
            UUID id = UUID.randomUUID();
            String key = courseId + "/" + id;
            MessageDigest sha = sha256();
            AtomicLong size = new AtomicLong();
            Flux<DataBuffer> checked = content.doOnNext(buffer -> {
                rules.requireWithinSize(size.addAndGet(buffer.readableByteCount()));
                try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
                    chunks.forEachRemaining(sha::update);
                }
            }).doOnDiscard(DataBuffer.class, DataBufferUtils::release);
            return storage.store(key, checked).then(Mono.defer(() -> {
                if (size.get() == 0) {
                    return storage.delete(key).then(Mono.error(DomainException.invalid("EMPTY_FILE", "the file is empty")));
                }
                Instant now = clock.instant();
                CourseMaterial material = new CourseMaterial(id, courseId, title, fileName, contentType, size.get(),
                        HexFormat.of().formatHex(sha.digest()), key, reader.accountId(), EntryStatus.VISIBLE, now, now);
                return store.insert(material).thenReturn(material)
                        .onErrorResume(error -> storage.delete(key).then(Mono.error(error)));
            }));
        });
    }

    /** The material and its bytes, if the caller sees it. */
    public record Download(CourseMaterial material, Flux<DataBuffer> content) {
    }

    public Mono<Download> download(UUID materialId, VerifiedAccessToken caller) {
        return visible(materialId, caller).map(material -> new Download(material, storage.read(material.storageKey())));
    }

    /** Soft delete by the course's staff; the file stays (evidence of what was offered), unseen. */
    public Mono<CourseMaterial> delete(UUID materialId, VerifiedAccessToken caller) {
        return store.find(materialId).switchIfEmpty(Mono.error(() -> notFound(materialId)))
                .flatMap(material -> boards.reader(material.courseId(), caller)
                        .onErrorMap(DomainException.class, e -> notFound(materialId))
                        .map(reader -> material.delete(reader, clock.instant())))
                .flatMap(deleted -> store.updateStatus(deleted).thenReturn(deleted));
    }

    private Mono<CourseMaterial> visible(UUID materialId, VerifiedAccessToken caller) {
        return store.find(materialId)
                .flatMap(material -> boards.reader(material.courseId(), caller).onErrorResume(DomainException.class, e -> Mono.empty())
                        .filter(material::visibleTo).map(reader -> material))
                .switchIfEmpty(Mono.error(() -> notFound(materialId)));
    }

    private static DomainException notFound(UUID id) {
        return DomainException.notFound("MATERIAL_NOT_FOUND", "no material " + id);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
