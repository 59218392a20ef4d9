/** Proxy-study (대리수강) flags: the periodic sweep over recent session evidence, admin review, allowed networks, employers. */
@NullMarked
package io.baeum.learning.proxystudy;

import org.jspecify.annotations.NullMarked;
