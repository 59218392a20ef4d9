@NullMarked
package io.baeum.rag.answer.web;

import org.jspecify.annotations.NullMarked;
