/** The images of the fixture content: path from the content folder → width, height and colours. */
export declare const FIXTURE_IMAGES: Record<
  'images/delta-river.png' | 'images/ada-okafor.png',
  { width: number; height: number; from: number[]; to: number[] }
>;
export declare function gradientPng(spec: {
  width: number;
  height: number;
  from: number[];
  to: number[];
}): Buffer;
export declare function writeFixtureImages(folder: string): void;
