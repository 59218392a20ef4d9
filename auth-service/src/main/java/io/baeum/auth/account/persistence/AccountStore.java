package io.baeum.auth.account.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.baeum.auth.account.domain.Account;
import io.baeum.auth.account.domain.AccountErrors;
import io.baeum.auth.account.domain.AccountStatus;
import io.baeum.auth.account.domain.EmailAddress;
import io.baeum.auth.account.domain.PersonName;
import io.baeum.auth.account.domain.PhoneNumber;
import io.baeum.auth.account.domain.Role;
import io.baeum.auth.pii.BlindIndex;
import io.baeum.auth.pii.PersonalDataCipher;

/**
 * Accounts in PostgreSQL: personal fields encrypted on the way in and decrypted on the way out,
 * with blind indexes written alongside for lookups. The only class that sees account rows.
 */
@Repository
public class AccountStore {

    static final String EMAIL = "account.email";
    static final String NAME = "account.name";
    static final String PHONE = "account.phone";
    static final String CI = "account.ci";

    private static final String COLUMNS = "id, email_cipher, name_cipher, phone_cipher, password_hash, roles, status, "
            + "identity_verified_at, created_at, updated_at, last_login_at";

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;

    AccountStore(DatabaseClient db, PersonalDataCipher cipher, BlindIndex index) {
        this.db = db;
        this.cipher = cipher;
        this.index = index;
    }

    /** Inserts a new account; {@code EMAIL_TAKEN} if a live account has the email. */
    public Mono<Account> insert(Account account) {
        PhoneNumber phone = account.phone();
        return db.sql("INSERT INTO account (id, email_cipher, email_index, name_cipher, name_prefix_index, phone_cipher, "
                        + "phone_index, password_hash, roles, status, created_at, updated_at, password_changed_at) "
                        + "VALUES (:id, :emailCipher, :emailIndex, :nameCipher, :namePrefix, :phoneCipher, :phoneIndex, "
                        + ":passwordHash, :roles, :status, :createdAt, :createdAt, :passwordChangedAt)")
                .bind("id", account.id())
                .bind("emailCipher", cipher.encrypt(EMAIL, account.email().value()))
                .bind("emailIndex", index.email(account.email().value()))
                .bind("nameCipher", cipher.encrypt(NAME, account.name().value()))
                .bind("namePrefix", index.namePrefix(account.name().searchForm()))
                .bind("phoneCipher", Parameter.fromOrEmpty(phone == null ? null : cipher.encrypt(PHONE, phone.value()), String.class))
                .bind("phoneIndex", Parameter.fromOrEmpty(phone == null ? null : index.phone(phone.value()), byte[].class))
                .bind("passwordHash", Parameter.fromOrEmpty(account.passwordHash(), String.class))
                .bind("roles", roles(account.roles()))
                .bind("status", account.status().name())
                .bind("createdAt", odt(account.createdAt()))
                .bind("passwordChangedAt", Parameter.fromOrEmpty(account.passwordHash() == null ? null : odt(account.createdAt()),
                        OffsetDateTime.class))
                .then()
                .onErrorMap(DuplicateKeyException.class, ex -> AccountErrors.emailTaken())
                .thenReturn(account);
    }

    /** Writes the mutable fields (roles, status, password, verification time). */
    public Mono<Account> update(Account account) {
        return db.sql("UPDATE account SET roles = :roles, status = :status, password_hash = :passwordHash, "
                        + "identity_verified_at = :idv, updated_at = :updatedAt, "
                        + "deleted_at = CASE WHEN :status = 'DELETED' THEN coalesce(deleted_at, :updatedAt) ELSE NULL END, "
                        + "password_changed_at = CASE WHEN password_hash IS DISTINCT FROM :passwordHash THEN :updatedAt "
                        + "ELSE password_changed_at END WHERE id = :id")
                .bind("id", account.id())
                .bind("roles", roles(account.roles()))
                .bind("status", account.status().name())
                .bind("passwordHash", Parameter.fromOrEmpty(account.passwordHash(), String.class))
                .bind("idv", Parameter.fromOrEmpty(account.identityVerifiedAt() == null ? null : odt(account.identityVerifiedAt()),
                        OffsetDateTime.class))
                .bind("updatedAt", odt(account.updatedAt()))
                .fetch().rowsUpdated()
                .thenReturn(account);
    }

    public Mono<Void> recordLogin(UUID id, Instant at) {
        return db.sql("UPDATE account SET last_login_at = :at WHERE id = :id")
                .bind("id", id).bind("at", odt(at)).then();
    }

    /** Stores the CI (encrypted) and its blind index after an identity verification. */
    public Mono<Void> recordIdentity(UUID id, String ci, Instant at) {
        return db.sql("UPDATE account SET ci_cipher = :ciCipher, ci_index = :ciIndex, identity_verified_at = :at, "
                        + "updated_at = :at WHERE id = :id")
                .bind("id", id)
                .bind("ciCipher", cipher.encrypt(CI, ci))
                .bind("ciIndex", index.ci(ci))
                .bind("at", odt(at))
                .then();
    }

    public Mono<Account> findById(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM account WHERE id = :id")
                .bind("id", id).map(this::toAccount).one();
    }

    /** The live (not deleted) account with this email. */
    public Mono<Account> findByEmail(EmailAddress email) {
        return db.sql("SELECT " + COLUMNS + " FROM account WHERE email_index = :index AND deleted_at IS NULL")
                .bind("index", index.email(email.value())).map(this::toAccount).one();
    }

    public Mono<Long> countWithRole(Role role) {
        return db.sql("SELECT count(*) AS n FROM account WHERE :role = ANY (roles) AND status = 'ACTIVE'")
                .bind("role", role.name()).map(row -> row.get("n", Long.class)).one();
    }

    /**
     * One page of members matching {@code query}. Email and phone match exactly through the blind
     * index; a name prefix of two or more characters narrows by the two-character prefix index and
     * is then checked on the decrypted name.
     */
    public Mono<MemberPage> search(MemberQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (query.email() != null) {
            where.append(" AND email_index = :email");
        }
        if (query.phone() != null) {
            where.append(" AND phone_index = :phone");
        }
        if (query.namePrefix() != null) {
            where.append(" AND name_prefix_index = :namePrefix");
        }
        if (query.role() != null) {
            where.append(" AND :role = ANY (roles)");
        }
        if (query.status() != null) {
            where.append(" AND status = :status");
        }
        String order = " ORDER BY " + query.sort().column() + (query.ascending() ? " ASC" : " DESC") + ", id ASC";
        boolean filterNames = query.namePrefix() != null && query.namePrefix().codePointCount(0, query.namePrefix().length()) > 2;
        if (!filterNames) {
            Mono<Long> total = bindQuery(db.sql("SELECT count(*) AS n FROM account" + where), query)
                    .map(row -> row.get("n", Long.class)).one();
            Mono<List<Account>> items = bindQuery(db.sql("SELECT " + COLUMNS + " FROM account" + where + order
                    + " LIMIT :limit OFFSET :offset"), query)
                    .bind("limit", query.size()).bind("offset", (long) query.page() * query.size())
                    .map(this::toAccount).all().collectList();
            return Mono.zip(items, total, MemberPage::new);
        }
        // a longer prefix: the index narrows to candidates sharing the first two characters, the
        // rest is compared on decrypted names (bounded, see docs/auth.md)
        String prefix = PersonName.parse(query.namePrefix()).searchForm();
        return bindQuery(db.sql("SELECT " + COLUMNS + " FROM account" + where + order + " LIMIT 5000"), query)
                .map(this::toAccount).all()
                .filter(account -> account.name().searchForm().startsWith(prefix))
                .collectList()
                .map(all -> {
                    int from = Math.min(all.size(), query.page() * query.size());
                    int to = Math.min(all.size(), from + query.size());
                    return new MemberPage(all.subList(from, to), (long) all.size());
                });
    }

    private DatabaseClient.GenericExecuteSpec bindQuery(DatabaseClient.GenericExecuteSpec spec, MemberQuery query) {
        if (query.email() != null) {
            spec = spec.bind("email", index.email(query.email()));
        }
        if (query.phone() != null) {
            spec = spec.bind("phone", index.phone(query.phone()));
        }
        if (query.namePrefix() != null) {
            spec = spec.bind("namePrefix", index.namePrefix(PersonName.parse(query.namePrefix()).searchForm()));
        }
        if (query.role() != null) {
            spec = spec.bind("role", query.role().name());
        }
        if (query.status() != null) {
            spec = spec.bind("status", query.status().name());
        }
        return spec;
    }

    private Account toAccount(Readable row) {
        String phone = cipher.decryptNullable(PHONE, row.get("phone_cipher", String.class));
        String[] roles = row.get("roles", String[].class);
        return new Account(
                row.get("id", UUID.class),
                new EmailAddress(cipher.decrypt(EMAIL, row.get("email_cipher", String.class))),
                new PersonName(cipher.decrypt(NAME, row.get("name_cipher", String.class))),
                phone == null ? null : new PhoneNumber(phone),
                row.get("password_hash", String.class),
                Arrays.stream(roles == null ? new String[0] : roles).map(Role::valueOf).collect(Collectors.toSet()),
                AccountStatus.valueOf(row.get("status", String.class)),
                instant(row.get("identity_verified_at", OffsetDateTime.class)),
                instant(row.get("created_at", OffsetDateTime.class)),
                instant(row.get("updated_at", OffsetDateTime.class)),
                instant(row.get("last_login_at", OffsetDateTime.class)));
    }

    private static String[] roles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** A page of accounts and the number of matches. */
    public record MemberPage(List<Account> items, long total) {
    }
}
