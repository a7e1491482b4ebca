// The package ships no types: the part we use, a quantity parsed from text and converted.
declare module "js-quantities" {
  interface Quantity {
    scalar: number;
    kind(): string;
    units(): string;
    to(unit: string): Quantity;
  }
  function Qty(text: string): Quantity;
  export default Qty;
}
