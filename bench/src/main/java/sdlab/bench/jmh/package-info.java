/**
 * JMH benchmarks: the simulator's deliveries per second ({@link
 * sdlab.bench.jmh.SimDeliveriesBenchmark}) and the checker's time per oracle history ({@link
 * sdlab.bench.jmh.OracleCheckBenchmark}). Each class's javadoc shows the command that runs it;
 * JMH's annotation processor, switched on in {@code bench/pom.xml}, writes the {@code
 * META-INF/BenchmarkList} that {@code org.openjdk.jmh.Main} reads. Their classes are public
 * because JMH's generated code extends them.
 */
package sdlab.bench.jmh;
