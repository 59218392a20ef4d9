@NullMarked
package io.baeum.exam.evidence.web;

import org.jspecify.annotations.NullMarked;
