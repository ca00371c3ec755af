package io.eventpipe.bench.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemorySamplerTest {

    @Test
    void heapIsTheSumOfTheHeapPoolsOnly() {
        String text = """
                # HELP jvm_memory_used_bytes The amount of used memory
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1048576.0
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2097152.0
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9999999.0
                """;
        assertThat(MemorySampler.heapBytes(text)).isEqualTo(3_145_728.0);
        assertThat(MemorySampler.heapBytes("up 1")).isNaN();
    }

    @Test
    void residentSetOfThisProcess() {
        assertThat(MemorySampler.rssMib(ProcessHandle.current().pid())).isGreaterThan(1);
        assertThat(MemorySampler.rssMib(Long.MAX_VALUE)).isNaN();
    }
}
