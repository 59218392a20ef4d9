@NullMarked
package io.baeum.exam.paging;

import org.jspecify.annotations.NullMarked;
