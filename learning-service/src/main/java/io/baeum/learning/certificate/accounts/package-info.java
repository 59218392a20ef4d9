/** The holder's name, asked of auth-service with the holder's own token (learning keeps no copy of accounts). */
@NullMarked
package io.baeum.learning.certificate.accounts;

import org.jspecify.annotations.NullMarked;
