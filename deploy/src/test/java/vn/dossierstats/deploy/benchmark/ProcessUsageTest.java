package vn.dossierstats.deploy.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessUsageTest {

    @Test
    void aThreadsTimeIsItsUserAndSystemTicksCountedAfterItsNameWhateverTheNameHolds() {
        String stat = "4242 (C2 CompilerThre) S 4200 4200 1 0 -1 4194368 9512 0 0 0 1234 56 0 0 20 0 42 0 1700 0 0";

        assertThat(ProcessUsage.threadTicks(stat)).isEqualTo(1234 + 56);
        assertThat(ProcessUsage.threadTicks("7 (a) b) R 1 1 1 0 -1 0 0 0 0 0 3 4 0 0 20 0 1 0 1 0 0"))
                .isEqualTo(7);
    }

    @Test
    void thisJvmsCompilerThreadsHaveUsedCpuBeforeAnyOfItsTestsRuns() {
        ProcessUsage usage = ProcessUsage.of(ProcessHandle.current());

        assertThat(usage.compiling()).isPositive().isLessThanOrEqualTo(usage.cpu());
    }
}
