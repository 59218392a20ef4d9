/** The certificate feature's domain: numbers with a check digit, certificates and their events; no Spring. */
@NullMarked
package io.baeum.learning.certificate.domain;

import org.jspecify.annotations.NullMarked;
