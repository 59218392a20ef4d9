/** Plain-Java helpers shared by the features: paging. No framework types. */
@NullMarked
package io.baeum.learning.support;

import org.jspecify.annotations.NullMarked;
