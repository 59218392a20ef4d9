/** The report's content as plain Java: the verified evidence chain, the timeline, the audit rows. */
@NullMarked
package io.baeum.learning.report.domain;

import org.jspecify.annotations.NullMarked;
