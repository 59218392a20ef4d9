package io.baeum.learning.board.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;
import io.baeum.common.web.ControlCharacters;
import io.baeum.learning.board.MaterialService;
import io.baeum.learning.board.domain.CourseMaterial;
import io.baeum.learning.board.domain.EntryStatus;
import io.baeum.learning.board.persistence.MaterialStore;
import io.baeum.learning.support.PageRequest;

/** Course materials: a multipart upload ({@code title}, {@code file}), a list, a streamed download. */
@RestController
class MaterialController {

    private final MaterialService materials;

    MaterialController(MaterialService materials) {
        this.materials = materials;
    }

    record MaterialView(UUID id, UUID courseId, String title, String fileName, String contentType, long sizeBytes, String sha256,
                        String uploadedBy, EntryStatus status, Instant createdAt) {
        static MaterialView of(CourseMaterial m) {
            return new MaterialView(m.id(), m.courseId(), m.title(), m.fileName(), m.contentType(), m.sizeBytes(), m.sha256(),
                    m.uploadedBy(), m.status(), m.createdAt());
        }
    }

    @GetMapping("/api/v1/boards/courses/{courseId}/materials")
    Mono<ApiResponse<List<MaterialView>>> list(@PathVariable UUID courseId, @AuthenticationPrincipal VerifiedAccessToken caller,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        PageRequest request = PageRequest.of(page, size, sort == null ? "createdAt,desc" : sort, MaterialStore.SORTS, "createdAt");
        return materials.list(courseId, caller, request).map(p -> ApiResponse.ok(p.items().stream().map(MaterialView::of).toList(),
                request.metadata(p.total())));
    }

    @PostMapping(value = "/api/v1/boards/courses/{courseId}/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<MaterialView>> upload(@PathVariable UUID courseId, @AuthenticationPrincipal VerifiedAccessToken caller,
            @RequestBody Mono<MultiValueMap<String, Part>> form) {
        return form.flatMap(parts -> {
            if (!(parts.getFirst("file") instanceof FilePart file)) {
                return Mono.error(DomainException.invalid("FILE_REQUIRED", "send the file as the multipart part 'file'"));
            }
            String title = parts.getFirst("title") instanceof FormFieldPart field ? field.value().strip() : file.filename();
            if (title.isEmpty() || title.length() > 200 || ControlCharacters.forbiddenIn(title, false)) {
                return Mono.error(DomainException.invalid("INVALID_TITLE", "the title needs 1..200 printable characters"));
            }
            return materials.upload(courseId, caller, title, file.filename(), file.content());
        }).map(m -> ApiResponse.ok(MaterialView.of(m)));
    }

    @GetMapping("/api/v1/boards/materials/{materialId}/content")
    Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable UUID materialId, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return materials.download(materialId, caller).map(d -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, d.material().contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.material().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentLength(d.material().sizeBytes())
                .body(d.content()));
    }

    @DeleteMapping("/api/v1/boards/materials/{materialId}")
    Mono<ApiResponse<MaterialView>> delete(@PathVariable UUID materialId, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return materials.delete(materialId, caller).map(m -> ApiResponse.ok(MaterialView.of(m)));
    }
}
