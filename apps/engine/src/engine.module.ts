import { DynamicModule, Module } from '@nestjs/common';
import { RUNTIME, Runtime } from './runtime';
import { SourceConsumerService } from './ingest/source-consumer.service';

/** The engine role: Kafka consumers, resolution and the outbox relay. */
@Module({})
export class EngineModule {
  static register(runtime: Runtime): DynamicModule {
    return {
      module: EngineModule,
      providers: [{ provide: RUNTIME, useValue: runtime }, SourceConsumerService],
      exports: [SourceConsumerService],
    };
  }
}
