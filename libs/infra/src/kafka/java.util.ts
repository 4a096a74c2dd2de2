import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** `$JAVA_HOME/bin/java` when JAVA_HOME is set, else `java` from the PATH. */
export function javaCommand(): string {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Fails with an actionable message when no Java 11+ runtime is available (Kafka 3.9 brokers need 11, 17 recommended). */
export function assertJava(): string {
  const java = javaCommand();
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new Error(
      `mdm: cannot run "${java}" (${(result.error as NodeJS.ErrnoException).code ?? result.error.message}). ` +
        'The local Kafka broker needs a Java 11+ runtime (17 recommended): install one (e.g. apt-get install openjdk-17-jre-headless) or set JAVA_HOME.',
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (match) {
    const major = match[1] === '1' ? Number(match[2]) : Number(match[1]);
    if (major < 11) throw new Error(`mdm: ${java} is Java ${major}; the Kafka 3.9 broker needs Java 11 or newer.`);
  }
  return java;
}
