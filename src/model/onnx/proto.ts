/**
 * Decodes the part of an ONNX ModelProto nax uses (field numbers from onnx/onnx.proto, IR version 3–10):
 *   ModelProto      ir_version 1, graph 7, opset_import 8
 *   OperatorSetId   domain 1, version 2
 *   GraphProto      node 1, name 2, initializer 5, input 11, output 12
 *   NodeProto       input 1, output 2, name 3, op_type 4, attribute 5, domain 7
 *   AttributeProto  name 1, f 2, i 3, s 4, t 5, floats 7, ints 8, type 20
 *   TensorProto     dims 1, data_type 2, float_data 4, int32_data 5, int64_data 7, name 8, raw_data 9,
 *                   double_data 10, external_data 13, data_location 14
 *   ValueInfoProto  name 1, type 2 → TypeProto tensor_type 1 → elem_type 1, shape 2 → dim 1 →
 *                   dim_value 1, dim_param 2
 * Every other field is skipped. Why not protobufjs, @bufbuild/protobuf or onnx-proto: those ship 0.4–3.8 MB
 * unpacked (onnx-proto pins protobufjs 6) for a schema of which nax reads these ~35 fields; the reader in
 * wire.ts is ~170 lines, bounds-checks every read, and adds no dependency to the action bundle.
 */
import { WIRE, WireError, WireReader } from './wire.js';

export interface OnnxTensor {
  readonly name: string;
  readonly dims: readonly number[];
  /** TensorProto.DataType (1 FLOAT, 6 INT32, 7 INT64, 11 DOUBLE, …). */
  readonly dataType: number;
  readonly raw?: Uint8Array;
  readonly floatData: readonly number[];
  readonly int32Data: readonly number[];
  readonly int64Data: readonly number[];
  readonly doubleData: readonly number[];
  /** external_data key/value pairs (location, offset, length, checksum). */
  readonly external: ReadonlyMap<string, string>;
  /** 0 DEFAULT, 1 EXTERNAL. */
  readonly dataLocation: number;
}

export interface OnnxAttribute {
  readonly name: string;
  /** AttributeProto.AttributeType (1 FLOAT, 2 INT, 3 STRING, 4 TENSOR, 6 FLOATS, 7 INTS, …); 0 when unset. */
  readonly type: number;
  readonly f?: number;
  readonly i?: number;
  readonly s?: Uint8Array;
  readonly t?: OnnxTensor;
  readonly floats: readonly number[];
  readonly ints: readonly number[];
}

export interface OnnxNode {
  readonly name: string;
  readonly opType: string;
  readonly domain: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes: readonly OnnxAttribute[];
}

export interface OnnxValueInfo {
  readonly name: string;
  readonly elemType?: number;
  /** Dimensions: a number (dim_value), a string (dim_param, symbolic) or undefined (unknown). */
  readonly dims?: ReadonlyArray<number | string | undefined>;
}

export interface OnnxGraph {
  readonly name: string;
  readonly nodes: readonly OnnxNode[];
  readonly initializers: readonly OnnxTensor[];
  readonly inputs: readonly OnnxValueInfo[];
  readonly outputs: readonly OnnxValueInfo[];
}

export interface OnnxModel {
  readonly irVersion: number;
  readonly opsets: ReadonlyArray<{ readonly domain: string; readonly version: number }>;
  readonly graph: OnnxGraph;
}

/** Decodes a ModelProto; throws WireError on malformed bytes or a file without a graph. */
export function decodeModel(bytes: Uint8Array): OnnxModel {
  const r = new WireReader(bytes);
  let irVersion = 0;
  let graph: OnnxGraph | undefined;
  const opsets: Array<{ domain: string; version: number }> = [];
  while (!r.done()) {
    const { number, wireType } = r.key();
    if (number === 1 && wireType === WIRE.varint) irVersion = r.varint();
    else if (number === 7 && wireType === WIRE.len) graph = decodeGraph(r.message());
    else if (number === 8 && wireType === WIRE.len) opsets.push(decodeOpset(r.message()));
    else r.skip(wireType);
  }
  if (!graph) throw new WireError('no graph (ModelProto field 7)');
  if (irVersion === 0) throw new WireError('no ir_version (ModelProto field 1)');
  return { irVersion, opsets, graph };
}

function decodeOpset(r: WireReader): { domain: string; version: number } {
  let domain = '';
  let version = 0;
  while (!r.done()) {
    const { number, wireType } = r.key();
    if (number === 1 && wireType === WIRE.len) domain = r.string();
    else if (number === 2 && wireType === WIRE.varint) version = r.int64();
    else r.skip(wireType);
  }
  return { domain, version };
}

function decodeGraph(r: WireReader): OnnxGraph {
  let name = '';
  const nodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [];
  const inputs: OnnxValueInfo[] = [];
  const outputs: OnnxValueInfo[] = [];
  while (!r.done()) {
    const { number, wireType } = r.key();
    if (wireType !== WIRE.len) {
      r.skip(wireType);
      continue;
    }
    switch (number) {
      case 1: nodes.push(decodeNode(r.message())); break;
      case 2: name = r.string(); break;
      case 5: initializers.push(decodeTensor(r.message())); break;
      case 11: inputs.push(decodeValueInfo(r.message())); break;
      case 12: outputs.push(decodeValueInfo(r.message())); break;
      default: r.skip(wireType);
    }
  }
  return { name, nodes, initializers, inputs, outputs };
}

function decodeNode(r: WireReader): OnnxNode {
  let name = '';
  let opType = '';
  let domain = '';
  const inputs: string[] = [];
  const outputs: string[] = [];
  const attributes: OnnxAttribute[] = [];
  while (!r.done()) {
    const { number, wireType } = r.key();
    if (wireType !== WIRE.len) {
      r.skip(wireType);
      continue;
    }
    switch (number) {
      case 1: inputs.push(r.string()); break;
      case 2: outputs.push(r.string()); break;
      case 3: name = r.string(); break;
      case 4: opType = r.string(); break;
      case 5: attributes.push(decodeAttribute(r.message())); break;
      case 7: domain = r.string(); break;
      default: r.skip(wireType);
    }
  }
  return { name, opType, domain, inputs, outputs, attributes };
}

function decodeAttribute(r: WireReader): OnnxAttribute {
  let name = '';
  let type = 0;
  let f: number | undefined;
  let i: number | undefined;
  let s: Uint8Array | undefined;
  let t: OnnxTensor | undefined;
  const floats: number[] = [];
  const ints: number[] = [];
  while (!r.done()) {
    const { number, wireType } = r.key();
    if (number === 1 && wireType === WIRE.len) name = r.string();
    else if (number === 20 && wireType === WIRE.varint) type = r.varint();
    else if (number === 2 && wireType === WIRE.i32) f = r.float32();
    else if (number === 3 && wireType === WIRE.varint) i = r.int64();
    else if (number === 4 && wireType === WIRE.len) s = r.bytes();
    else if (number === 5 && wireType === WIRE.len) t = decodeTensor(r.message());
    else if (number === 7) r.repeated(wireType, WIRE.i32, (x) => x.float32(), floats);
    else if (number === 8) r.repeated(wireType, WIRE.varint, (x) => x.int64(), ints);
    else r.skip(wireType);
  }
  return { name, type, f, i, s, t, floats, ints };
}

function decodeTensor(r: WireReader): OnnxTensor {
  let name = '';
  let dataType = 0;
  let raw: Uint8Array | undefined;
  let dataLocation = 0;
  const dims: number[] = [];
  const floatData: number[] = [];
  const int32Data: number[] = [];
  const int64Data: number[] = [];
  const doubleData: number[] = [];
  const external = new Map<string, string>();
  while (!r.done()) {
    const { number, wireType } = r.key();
    if (number === 1) r.repeated(wireType, WIRE.varint, (x) => x.int64(), dims);
    else if (number === 2 && wireType === WIRE.varint) dataType = r.varint();
    else if (number === 4) r.repeated(wireType, WIRE.i32, (x) => x.float32(), floatData);
    else if (number === 5) r.repeated(wireType, WIRE.varint, (x) => x.int64(), int32Data);
    else if (number === 7) r.repeated(wireType, WIRE.varint, (x) => x.int64(), int64Data);
    else if (number === 8 && wireType === WIRE.len) name = r.string();
    else if (number === 9 && wireType === WIRE.len) raw = r.bytes();
    else if (number === 10) r.repeated(wireType, WIRE.i64, (x) => x.float64(), doubleData);
    else if (number === 13 && wireType === WIRE.len) {
      const e = r.message();
      let key = '';
      let value = '';
      while (!e.done()) {
        const k = e.key();
        if (k.number === 1 && k.wireType === WIRE.len) key = e.string();
        else if (k.number === 2 && k.wireType === WIRE.len) value = e.string();
        else e.skip(k.wireType);
      }
      external.set(key, value);
    } else if (number === 14 && wireType === WIRE.varint) dataLocation = r.varint();
    else r.skip(wireType);
  }
  return { name, dims, dataType, raw, floatData, int32Data, int64Data, doubleData, external, dataLocation };
}

function decodeValueInfo(r: WireReader): OnnxValueInfo {
  let name = '';
  let elemType: number | undefined;
  let dims: Array<number | string | undefined> | undefined;
  while (!r.done()) {
    const { number, wireType } = r.key();
    if (number === 1 && wireType === WIRE.len) name = r.string();
    else if (number === 2 && wireType === WIRE.len) {
      // TypeProto → tensor_type (1) → elem_type (1), shape (2) → dim (1).
      const type = r.message();
      while (!type.done()) {
        const k = type.key();
        if (k.number !== 1 || k.wireType !== WIRE.len) {
          type.skip(k.wireType);
          continue;
        }
        const tensor = type.message();
        while (!tensor.done()) {
          const k2 = tensor.key();
          if (k2.number === 1 && k2.wireType === WIRE.varint) elemType = tensor.varint();
          else if (k2.number === 2 && k2.wireType === WIRE.len) dims = decodeShape(tensor.message());
          else tensor.skip(k2.wireType);
        }
      }
    } else r.skip(wireType);
  }
  return { name, elemType, dims };
}

function decodeShape(r: WireReader): Array<number | string | undefined> {
  const dims: Array<number | string | undefined> = [];
  while (!r.done()) {
    const k = r.key();
    if (k.number !== 1 || k.wireType !== WIRE.len) {
      r.skip(k.wireType);
      continue;
    }
    const d = r.message();
    let dim: number | string | undefined;
    while (!d.done()) {
      const k2 = d.key();
      if (k2.number === 1 && k2.wireType === WIRE.varint) dim = d.int64();
      else if (k2.number === 2 && k2.wireType === WIRE.len) dim = d.string();
      else d.skip(k2.wireType);
    }
    dims.push(dim);
  }
  return dims;
}
