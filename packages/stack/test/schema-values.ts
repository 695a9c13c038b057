import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';

/** A syntactically valid value of any input type: what a schema-driven test needs to call a field. */
export function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType as GraphQLInputType)];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sampleValue(f.type)]),
    );
  }
  if (isScalarType(named)) {
    switch (named.name) {
      case 'Int':
        return 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return false;
      case 'Date':
        return '2026-01-01';
      case 'DateTime':
        return '2026-01-01T00:00:00.000Z';
      case 'Decimal':
        return '1.00';
      default:
        return 'sample';
    }
  }
  throw new Error(`no sample for ${String(type)}`);
}
