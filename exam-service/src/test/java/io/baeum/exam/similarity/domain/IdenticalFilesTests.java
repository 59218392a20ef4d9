package io.baeum.exam.similarity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class IdenticalFilesTests {

    @Test
    void filesWithTheSameHashAndSizeFromDifferentTraineesArePairedOnce() {
        List<IdenticalFiles.File> files = List.of(new IdenticalFiles.File("s1", "t1", "report.pdf", "abc", 10),
                new IdenticalFiles.File("s2", "t2", "과제.pdf", "abc", 10), new IdenticalFiles.File("s2", "t2", "copy.pdf", "abc", 10),
                new IdenticalFiles.File("s3", "t3", "other.pdf", "abc", 11), new IdenticalFiles.File("s4", "t4", "own.pdf", "def", 10));
        assertThat(new IdenticalFiles().findings(files)).singleElement()
                .satisfies(f -> assertThat(List.of(f.first(), f.second())).containsExactly("s1", "s2"));
    }
}
