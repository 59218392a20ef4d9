/** The certificate (수료증) feature of learning: issue, re-issue, revoke, verify; layers in sub-packages. */
@NullMarked
package io.baeum.learning.certificate;

import org.jspecify.annotations.NullMarked;
