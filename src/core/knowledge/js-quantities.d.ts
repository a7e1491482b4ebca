// The package ships no types: the part we use, a quantity parsed from text and converted.
declare module "js-quantities" {
  interface Quantity {
    scalar: number;
    kind(): string;
    units(): string;
    to(unit: string): Quantity;
  }
  function Qty(text: string): Quantity;
  namespace Qty {
    /** Unit names, of one kind or all. */
    function getUnits(kind?: string): string[];
    /** Every way a unit is written ("W", "watt", "watts"). */
    function getAliases(unit: string): string[];
  }
  export default Qty;
}
