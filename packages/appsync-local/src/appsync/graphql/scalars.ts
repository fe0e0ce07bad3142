/**
 * AppSync's nine AWS scalars (developer guide, "Scalar types in AWS AppSync"), installed on the
 * schema graphql-js built from the prelude. Each one checks input literals, input variables and
 * output values the way AppSync does.
 *
 * Messages: AppSync (graphql-java underneath) words them as
 *   literal:  Validation error of type WrongType: argument 'a.b' with value 'StringValue{value='x'}' is not a valid 'AWSDateTime' @ 'field'
 *   variable: Variable 'phone' has an invalid value. Unable to parse `1110004444` as a valid phone number.
 *   output:   Can't serialize value (/path/to/field) : Unable to serialize `x` as a valid DateTime Object.
 * (seen in aws-mobile-appsync-sdk-js#554, amplify-flutter#822, amplify-js#5963). Only the phone and
 * DateTime nouns are attested; the other nouns follow the same pattern (our choice, ⚠).
 */
import { isIP } from 'node:net';
import { GraphQLScalarType, Kind, print, type GraphQLSchema, type ValueNode } from 'graphql';
import { jsonDeeperThan, MAX_JSON_DEPTH } from './nesting.ts';

/** Thrown by a scalar's parseValue/serialize; the executor words it for variables or output. */
export class AwsScalarError extends Error {
  constructor(
    readonly scalar: string,
    readonly kind: 'parse' | 'serialize',
    readonly value: unknown,
  ) {
    super(`Unable to ${kind} \`${display(value)}\` as a valid ${NOUNS[scalar] ?? scalar}.`);
    this.name = 'AwsScalarError';
  }
}

/** An AWSJSON input nested deeper than the runtime walks: refused like any invalid value. */
export class AwsJsonTooDeepError extends AwsScalarError {
  constructor() {
    super('AWSJSON', 'parse', '');
    this.message = `It is nested more than ${MAX_JSON_DEPTH} levels deep.`;
  }
}

/** Thrown by parseLiteral: the validation rule turns it into AppSync's WrongType message. */
export class AwsLiteralError extends Error {
  constructor(readonly scalar: string) {
    super(`not a valid '${scalar}'`);
    this.name = 'AwsLiteralError';
  }
}

const NOUNS: Record<string, string> = {
  AWSDate: 'Date Object',
  AWSTime: 'Time Object',
  AWSDateTime: 'DateTime Object',
  AWSTimestamp: 'timestamp',
  AWSEmail: 'email address',
  AWSJSON: 'JSON Object',
  AWSURL: 'URL',
  AWSPhone: 'phone number',
  AWSIPAddress: 'IP address',
};

function display(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

// ---- the formats (developer guide, scalars page) ---------------------------------------------------

// Offsets: Z, or ±hh:mm with an optional :ss ("the seconds field in the timezone offset will be
// considered valid even though it is not part of the ISO 8601 standard").
const OFFSET = '(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?)';
const DATE = '(-?\\d{4,})-(\\d{2})-(\\d{2})';
// Seconds optional; 1–9 fraction digits only after seconds.
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?';
const DATE_RE = new RegExp(`^${DATE}${OFFSET}?$`);
const TIME_RE = new RegExp(`^${TIME}${OFFSET}?$`);
const DATETIME_RE = new RegExp(`^${DATE}T${TIME}${OFFSET}$`);

function validCalendarDate(m: RegExpExecArray): boolean {
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

const isDate = (s: string) => {
  const m = DATE_RE.exec(s);
  return m !== null && validCalendarDate(m);
};
const isDateTime = (s: string) => {
  const m = DATETIME_RE.exec(s);
  return m !== null && validCalendarDate(m);
};
const isTime = (s: string) => TIME_RE.test(s);
// RFC 822-ish, as loose as AppSync ("a@b" is valid; amplify-js#7717 mirrors AppSync's checks).
const isEmail = (s: string) => /^[^@\s]+@[^@\s]+$/.test(s);
function isUrl(s: string): boolean {
  // AppSync: "a URL as defined by RFC 1738 ... must contain a schema (http, mailto)".
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s)) return false;
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}
function isPhone(s: string): boolean {
  // Spaces, hyphens, dots and brackets are allowed separators. Without a country code the number is
  // read as North American (NANP: area code and exchange start with 2–9), as AppSync documents.
  if (!/^\+?[\d\s().-]+$/.test(s)) return false;
  const digits = s.replace(/\D/g, '');
  if (s.trim().startsWith('+')) return digits.length >= 7 && digits.length <= 15;
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(national);
}
function isIpAddress(s: string): boolean {
  // IPv4 or IPv6, optionally with a CIDR prefix length.
  const [address, prefix, extra] = s.split('/');
  if (extra !== undefined || !address) return false;
  const version = isIP(address);
  if (version === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

// ---- scalar definitions -----------------------------------------------------------------------------

interface ScalarRules {
  /** Checks a value from variables (or a literal's value); returns the value resolvers see. */
  parse(value: unknown): unknown;
  /** Checks/converts a resolver's output value. */
  serialize(value: unknown): unknown;
  /** Which literal kinds can carry the value. */
  literalKinds: Kind[];
}

function stringScalar(name: string, valid: (s: string) => boolean): ScalarRules {
  return {
    parse(value) {
      if (typeof value !== 'string' || !valid(value)) throw new AwsScalarError(name, 'parse', value);
      return value;
    },
    serialize(value) {
      if (typeof value !== 'string' || !valid(value)) throw new AwsScalarError(name, 'serialize', value);
      return value;
    },
    literalKinds: [Kind.STRING],
  };
}

const RULES: Record<string, ScalarRules> = {
  AWSDate: stringScalar('AWSDate', isDate),
  AWSTime: stringScalar('AWSTime', isTime),
  AWSDateTime: stringScalar('AWSDateTime', isDateTime),
  AWSEmail: stringScalar('AWSEmail', isEmail),
  AWSURL: stringScalar('AWSURL', isUrl),
  AWSPhone: stringScalar('AWSPhone', isPhone),
  AWSIPAddress: stringScalar('AWSIPAddress', isIpAddress),
  AWSTimestamp: {
    // Seconds since the epoch, an integer.
    parse(value) {
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new AwsScalarError('AWSTimestamp', 'parse', value);
      return value;
    },
    serialize(value) {
      if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
      if (typeof value === 'string' && /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
      throw new AwsScalarError('AWSTimestamp', 'serialize', value);
    },
    literalKinds: [Kind.INT],
  },
  AWSJSON: {
    // Input: a string holding JSON; resolvers receive the parsed value (AppSync parses AWSJSON
    // arguments into maps/lists). Output: any JSON value, sent as its JSON string.
    parse(value) {
      if (typeof value !== 'string') throw new AwsScalarError('AWSJSON', 'parse', value);
      let parsed: unknown;
      try {
        parsed = JSON.parse(value) as unknown;
      } catch {
        throw new AwsScalarError('AWSJSON', 'parse', value);
      }
      if (jsonDeeperThan(parsed, MAX_JSON_DEPTH)) throw new AwsJsonTooDeepError();
      return parsed;
    },
    serialize(value) {
      if (typeof value === 'string') {
        try {
          JSON.parse(value);
          return value;
        } catch {
          return JSON.stringify(value);
        }
      }
      const text = JSON.stringify(value);
      if (text === undefined) throw new AwsScalarError('AWSJSON', 'serialize', value);
      return text;
    },
    literalKinds: [Kind.STRING],
  },
};

export const AWS_SCALARS = Object.keys(RULES);

function literalValue(node: ValueNode): unknown {
  if (node.kind === Kind.STRING) return node.value;
  if (node.kind === Kind.INT) return Number(node.value);
  return undefined;
}

/** Replaces the prelude's placeholder AWS scalars (which accept anything) with AppSync's checks. */
export function installAwsScalars(schema: GraphQLSchema): void {
  for (const [name, rules] of Object.entries(RULES)) {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLScalarType)) continue;
    type.serialize = (value: unknown) => rules.serialize(value);
    type.parseValue = (value: unknown) => rules.parse(value);
    type.parseLiteral = (node: ValueNode) => {
      if (!rules.literalKinds.includes(node.kind)) throw new AwsLiteralError(name);
      try {
        return rules.parse(literalValue(node));
      } catch {
        throw new AwsLiteralError(name);
      }
    };
  }
}

/** graphql-java's toString of a literal, as AppSync quotes it in WrongType messages. */
export function javaLiteral(node: ValueNode): string {
  switch (node.kind) {
    case Kind.STRING:
      return `StringValue{value='${node.value}'}`;
    case Kind.INT:
      return `IntValue{value=${node.value}}`;
    case Kind.FLOAT:
      return `FloatValue{value=${node.value}}`;
    case Kind.BOOLEAN:
      return `BooleanValue{value=${node.value}}`;
    case Kind.NULL:
      return 'NullValue{}';
    case Kind.ENUM:
      return `EnumValue{name='${node.value}'}`;
    case Kind.VARIABLE:
      return `VariableReference{name='${node.name.value}'}`;
    case Kind.LIST:
      return `ArrayValue{values=[${node.values.map(javaLiteral).join(', ')}]}`;
    case Kind.OBJECT:
      return `ObjectValue{objectFields=[${node.fields
        .map((f) => `ObjectField{name='${f.name.value}', value=${javaLiteral(f.value)}}`)
        .join(', ')}]}`;
    default:
      return print(node);
  }
}
