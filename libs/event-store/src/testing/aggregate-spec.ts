/**
 * given(events) / when(command) / then(events | error) for aggregates, with no IO
 * (Oskar Dudycz's DeciderSpecification, adapted to @nestjs/cqrs aggregates).
 */
export interface EventSourcedAggregate<E> {
  loadFromHistory(history: E[]): void;
  getUncommittedEvents(): E[];
}

function typeOf(event: { data: object }): string {
  return (event.constructor as { type?: string }).type ?? event.constructor.name;
}

export function aggregateSpec<A extends EventSourcedAggregate<E>, E extends { data: object }>(
  create: () => A,
) {
  return {
    given(...history: E[]) {
      return {
        when(act: (aggregate: A) => void) {
          const aggregate = create();
          aggregate.loadFromHistory(history);
          let error: unknown;
          try {
            act(aggregate);
          } catch (e) {
            error = e;
          }
          const events = aggregate.getUncommittedEvents();
          return {
            aggregate,
            then(...expected: E[]) {
              if (error) throw error;
              // The stable type, not the class name: a renamed class is still the same event.
              expect(events.map((e) => [typeOf(e), e.data])).toEqual(
                expected.map((e) => [typeOf(e), e.data]),
              );
            },
            thenThrows(errorClass: new (...args: never[]) => Error) {
              expect(error).toBeInstanceOf(errorClass);
              expect(events).toHaveLength(0);
            },
          };
        },
      };
    },
  };
}
