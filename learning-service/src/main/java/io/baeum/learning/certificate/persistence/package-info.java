/** The certificate feature's SQL. */
@NullMarked
package io.baeum.learning.certificate.persistence;

import org.jspecify.annotations.NullMarked;
