/** The certificate feature's HTTP adapter: the trainee's downloads, the admin's revocation, the public verification. */
@NullMarked
package io.baeum.learning.certificate.web;

import org.jspecify.annotations.NullMarked;
