package io.baeum.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import io.baeum.auth.support.AuthIntegrationTest;
import io.baeum.auth.support.Members;
import tools.jackson.databind.JsonNode;

class MemberAdministrationTests extends AuthIntegrationTest {

    @Test
    void adminsFindMembersByExactEmailPhoneOrNamePrefixAndPage() {
        Members.Tokens admin = members.admin();
        Members.Member kim = members.signUp("김하늘", Members.uniqueEmail());
        members.signUp("김하람", Members.uniqueEmail());
        members.signUp("이하늘", Members.uniqueEmail());

        search(admin, "email=" + kim.email().toUpperCase()).jsonPath("$.data.length()").isEqualTo(1)
                .jsonPath("$.data[0].id").isEqualTo(kim.id().toString());
        search(admin, "phone=" + kim.phone().substring(0, 3) + "-" + kim.phone().substring(3, 7) + "-" + kim.phone().substring(7))
                .jsonPath("$.data[0].id").isEqualTo(kim.id().toString());
        search(admin, "namePrefix=김하").jsonPath("$.data.length()").isEqualTo(2);
        search(admin, "namePrefix=김하늘").jsonPath("$.data.length()").isEqualTo(1);
        search(admin, "namePrefix=김하&role=TRAINEE&status=ACTIVE&size=1&page=1&sort=createdAt,asc")
                .jsonPath("$.data.length()").isEqualTo(1)
                .jsonPath("$.data[0].name").isEqualTo("김하람")
                .jsonPath("$.metadata.page.size").isEqualTo(1)
                .jsonPath("$.metadata.page.totalElements").isEqualTo(2)
                .jsonPath("$.metadata.page.totalPages").isEqualTo(2);
        web.get().uri("/api/v1/admin/members?sort=email,asc").header("Authorization", "Bearer " + admin.accessToken())
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("INVALID_SORT");
        web.get().uri("/api/v1/admin/members?namePrefix=김").header("Authorization", "Bearer " + admin.accessToken())
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("NAME_PREFIX_TOO_SHORT");
    }

    @Test
    void aRoleRequestWaitsForAnAdminAndApprovalGrantsTheRole() {
        Members.Tokens admin = members.admin();
        Members.Member member = members.signUp();
        Members.Tokens tokens = members.logIn(member);

        String body = web.post().uri("/api/v1/me/role-requests").header("Authorization", "Bearer " + tokens.accessToken())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "INSTRUCTOR")).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        String requestId = Members.read(body).path("data").path("id").asString();
        web.post().uri("/api/v1/me/role-requests").header("Authorization", "Bearer " + tokens.accessToken())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "INSTRUCTOR")).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.code").isEqualTo("ROLE_REQUEST_PENDING");
        members.me(tokens.accessToken()).expectBody().jsonPath("$.data.roles.length()").isEqualTo(1);
        // a trainee cannot approve
        web.post().uri("/api/v1/admin/role-requests/{id}/approve", requestId)
                .header("Authorization", "Bearer " + tokens.accessToken()).exchange().expectStatus().isForbidden();

        web.get().uri("/api/v1/admin/role-requests?status=PENDING").header("Authorization", "Bearer " + admin.accessToken())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.data[0].id").isEqualTo(requestId);
        web.post().uri("/api/v1/admin/role-requests/{id}/approve", requestId)
                .header("Authorization", "Bearer " + admin.accessToken()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.status").isEqualTo("APPROVED");
        web.post().uri("/api/v1/admin/role-requests/{id}/reject", requestId)
                .header("Authorization", "Bearer " + admin.accessToken()).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.code").isEqualTo("ROLE_REQUEST_DECIDED");

        // the next token carries the new role
        Members.Tokens refreshed = Members.tokens(members.refresh(tokens.refreshToken()).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        members.me(refreshed.accessToken()).expectBody().jsonPath("$.data.roles").value(roles ->
                assertThat(roles.toString()).contains("INSTRUCTOR").contains("TRAINEE"));
        web.get().uri("/api/v1/admin/audit-events?target={id}&action=ROLE_GRANTED", member.id())
                .header("Authorization", "Bearer " + admin.accessToken()).exchange()
                .expectBody().jsonPath("$.data.length()").isEqualTo(1);
    }

    @Test
    void aBulkImportReportsEachRowAndImportingTwiceChangesNothing() throws Exception {
        Members.Tokens admin = members.admin();
        Members.Member existing = members.signUp();
        byte[] xlsx = workbook(List.of(
                List.of("email", "name", "phone"),
                List.of("new.one@example.kr", "정우성", "010-2000-0001"),
                List.of("new.two@example.kr", "한지민", "01020000002"),
                List.of(existing.email(), "기존회원", "01020000003"),
                List.of("NEW.ONE@example.kr", "중복행", "01020000004"),
                List.of("not-an-email", "이상한", "01020000005"),
                List.of("bad.phone@example.kr", "전화오류", "12345"),
                List.of("bad.name@example.kr", "", "01020000006")));

        long before = AccountSignUpAndLoginTests.count("account");
        JsonNode first = importFile(admin, xlsx);
        assertThat(first.path("total").asInt()).isEqualTo(7);
        assertThat(first.path("created").asInt()).isEqualTo(2);
        assertThat(first.path("skipped").asInt()).isEqualTo(2);
        assertThat(first.path("rejected").asInt()).isEqualTo(3);
        assertThat(rows(first)).containsExactly("2 CREATED null", "3 CREATED null", "4 SKIPPED_EXISTS EMAIL_TAKEN",
                "5 SKIPPED_EXISTS DUPLICATE_IN_FILE", "6 REJECTED INVALID_EMAIL", "7 REJECTED INVALID_PHONE",
                "8 REJECTED INVALID_NAME");
        assertThat(AccountSignUpAndLoginTests.count("account")).isEqualTo(before + 2);

        JsonNode second = importFile(admin, xlsx);
        assertThat(second.path("created").asInt()).isZero();
        assertThat(second.path("skipped").asInt()).isEqualTo(4);
        assertThat(second.path("rejected").asInt()).isEqualTo(3);
        assertThat(AccountSignUpAndLoginTests.count("account")).isEqualTo(before + 2);
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefused() throws SQLException {
        Members.Tokens admin = members.admin();
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource("email,name,phone\n".getBytes()) {
            @Override
            public String getFilename() {
                return "members.xlsx";
            }
        });
        web.post().uri("/api/v1/admin/members/import").header("Authorization", "Bearer " + admin.accessToken())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build())).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("INVALID_IMPORT_FILE");
    }

    @Test
    void negativePagesAndRepeatedOrOverLongPhonesAreFieldErrorsNotServerErrors() {
        Members.Tokens admin = members.admin();
        for (String query : java.util.List.of("/api/v1/admin/role-requests?page=-1", "/api/v1/admin/role-requests?size=-1",
                "/api/v1/admin/members?phone=010-1234-5678&phone=010-9999-8888&phone=010-1111-2222",
                "/api/v1/admin/members?phone=" + "1".repeat(300))) {
            web.get().uri(query).header("Authorization", "Bearer " + admin.accessToken()).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED");
        }
        web.get().uri("/api/v1/admin/audit-events?q={q}", "a\u0000").header("Authorization", "Bearer " + admin.accessToken())
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void aMultipartImportWithoutItsClosingBoundaryIsABadRequest() {
        Members.Tokens admin = members.admin();
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nPK\u0003\u0004abc\r\n";
        web.post().uri("/api/v1/admin/members/import").header("Authorization", "Bearer " + admin.accessToken())
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=XyZ"))
                .bodyValue(body.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).exchange()
                .expectStatus().isBadRequest();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec search(Members.Tokens admin,
            String query) {
        return web.get().uri("/api/v1/admin/members?" + query).header("Authorization", "Bearer " + admin.accessToken())
                .exchange().expectStatus().isOk().expectBody();
    }

    private JsonNode importFile(Members.Tokens admin, byte[] xlsx) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(xlsx) {
            @Override
            public String getFilename() {
                return "members.xlsx";
            }
        });
        String body = web.post().uri("/api/v1/admin/members/import").header("Authorization", "Bearer " + admin.accessToken())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build())).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return Members.read(body).path("data");
    }

    private static List<String> rows(JsonNode report) {
        List<String> rows = new java.util.ArrayList<>();
        report.path("rows").forEach(row -> rows.add(row.path("row").asInt() + " " + row.path("outcome").asString() + " "
                + (row.path("reason").isNull() ? "null" : row.path("reason").asString())));
        return rows;
    }

    private static byte[] workbook(List<List<String>> lines) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("members");
            for (int r = 0; r < lines.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < lines.get(r).size(); c++) {
                    row.createCell(c).setCellValue(lines.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
