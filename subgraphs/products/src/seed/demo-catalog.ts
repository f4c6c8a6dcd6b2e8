/**
 * Demo catalog for "Velocity Cycles", a bicycle shop pricing in EUR.
 * `npm start` seeds it on first run. Plain data plus a few builders: no randomness, so every run
 * produces the same SKUs, barcodes and handles.
 */

export interface DemoCategory {
  handle: string;
  name: string;
  description: string;
  parentHandle: string | null;
}
export interface DemoVariant {
  sku: string;
  barcode: string | null;
  price: string;
  compareAtPrice: string | null;
  selectedOptions: { name: string; value: string }[];
}
export interface DemoProduct {
  handle: string;
  title: string;
  description: string;
  vendor: string;
  productType: string;
  tags: string[];
  categoryHandle: string;
  status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED';
  taxClass: 'STANDARD' | 'REDUCED' | 'ZERO';
  channels: ('WEB' | 'APP' | 'POS' | 'KIOSK' | 'MARKETPLACE' | 'SOCIAL')[];
  options: { name: string; values: string[] }[];
  images: { url: string; altText: string }[];
  variants: DemoVariant[];
}

type Channel = DemoProduct['channels'][number];

// ---------------------------------------------------------------------------------------------
// Categories (parents before children, because the seeder resolves parentHandle as it inserts)
// ---------------------------------------------------------------------------------------------

const cat = (handle: string, name: string, description: string, parentHandle: string | null = null): DemoCategory => ({
  handle,
  name,
  description,
  parentHandle,
});

export const demoCategories: DemoCategory[] = [
  cat('bikes', 'Bikes', 'Complete bicycles for road, trail, town and the little ones.'),
  cat('road-bikes', 'Road bikes', 'Fast, light drop-bar bikes for tarmac.', 'bikes'),
  cat('gravel-bikes', 'Gravel bikes', 'Drop-bar bikes with wide tyres for back roads and bikepacking.', 'bikes'),
  cat('mountain-bikes', 'Mountain bikes', 'Hardtails and full-suspension bikes for the trails.', 'bikes'),
  cat('e-bikes', 'E-bikes', 'Pedal-assist bikes for commuting and the mountains.', 'bikes'),
  cat('e-city-bikes', 'E-city & cargo bikes', 'Electric commuters and cargo bikes for everyday errands.', 'e-bikes'),
  cat('e-mountain-bikes', 'E-mountain bikes', 'Electric trail bikes that make every climb rideable.', 'e-bikes'),
  cat('kids-bikes', "Kids' bikes", 'Lightweight bikes sized for young riders.', 'bikes'),
  cat('city-bikes', 'City bikes', 'Upright, practical bikes for getting around town.', 'bikes'),
  cat('components', 'Components', 'Upgrade and replacement parts.'),
  cat('drivetrain', 'Drivetrain', 'Chains, cassettes, cranks and derailleurs.', 'components'),
  cat('brakes', 'Brakes', 'Disc brakes, rotors and pads.', 'components'),
  cat('wheels-tyres', 'Wheels & tyres', 'Wheelsets, tyres and tubeless parts.', 'components'),
  cat('accessories', 'Accessories', 'Everything you carry, wear on your head or bolt to your bike.'),
  cat('helmets', 'Helmets', 'Road, commuter and kids helmets.', 'accessories'),
  cat('lights', 'Lights', 'Front and rear lights for being seen and seeing.', 'accessories'),
  cat('locks', 'Locks', 'U-locks, folding locks and chains.', 'accessories'),
  cat('bags', 'Bags', 'Frame bags, panniers and bikepacking luggage.', 'accessories'),
  cat('clothing', 'Clothing', 'Cycling apparel for every season.'),
  cat('jerseys', 'Jerseys', 'Short- and long-sleeve cycling jerseys.', 'clothing'),
  cat('shorts', 'Shorts', 'Bib shorts, tights and baggy trail shorts.', 'clothing'),
  cat('gloves', 'Gloves', 'Mitts and full-finger gloves.', 'clothing'),
  cat('maintenance', 'Maintenance', 'Keep your bike running smoothly.'),
  cat('tools', 'Tools', 'Multi-tools, pumps and workshop tools.', 'maintenance'),
  cat('lubricants', 'Lubricants & cleaning', 'Chain lubes and bike wash.', 'maintenance'),
  cat('workshop-services', 'Workshop services', 'Services carried out in our in-store workshop.', 'maintenance'),
];

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

/** EAN-13 from a 12-digit body: '40' (in-store/internal prefix) + zero-padded counter + check digit. */
export function ean13(n: number): string {
  const body = '40' + String(n).padStart(10, '0');
  // Weights alternate 1,3,1,3,... from the left on the 12-digit body.
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}

// Barcodes are handed out in catalog order, so reordering products changes them (fine for demo data).
let barcodeCounter = 1000;

/** Short SKU codes for option values; anything not listed falls back to its upper-cased letters/digits. */
const CODES: Record<string, string> = {
  'Stealth Black': 'SBLK',
  'Racing Red': 'RED',
  'Slate Grey': 'SLT',
  'Ice Blue': 'ICE',
  Sand: 'SND',
  Olive: 'OLV',
  Black: 'BLK',
  Orange: 'ORG',
  'Raw Alloy': 'RAW',
  'Forest Green': 'FGRN',
  Sage: 'SAG',
  Mint: 'MNT',
  Coral: 'CRL',
  Navy: 'NVY',
  White: 'WHT',
  'Matte Black': 'MBLK',
  'Hi-Vis Yellow': 'HVY',
  'Step-through': 'ST',
  Diamond: 'DIA',
  Regular: 'REG',
  "Women's": 'WMN',
  Front: 'F',
  Rear: 'R',
  'Single brake': '1X',
  'Both brakes': '2X',
};
const code = (value: string): string => CODES[value] ?? value.toUpperCase().replace(/[^A-Z0-9]/g, '');

interface Axis {
  name: string;
  values: string[];
  surcharge?: Record<string, number>;
}
/** An option axis; `surcharge` adds EUR to the base price for specific values (e.g. bigger battery). */
const opt = (name: string, values: string[], surcharge?: Record<string, number>): Axis => ({ name, values, surcharge });

const money = (n: number): string => n.toFixed(2);

/** All combinations of the axes' values, in axis order; no axes yields a single empty combination. */
const cartesian = (axes: Axis[]): string[][] =>
  axes.reduce<string[][]>((combos, axis) => combos.flatMap((c) => axis.values.map((v) => [...c, v])), [[]]);

interface Spec {
  handle: string;
  title: string;
  description: string;
  vendor: string;
  type: string;
  tags: string[];
  category: string;
  sku: string; // SKU stem, e.g. 'RD-AR7' -> 'VC-RD-AR7-54-SBLK'
  price: number; // base price in EUR before option surcharges
  was?: number; // base "was" price -> compareAtPrice (surcharges are added to it too)
  saleOn?: string; // limit the sale to variants having this option value
  status?: DemoProduct['status'];
  taxClass?: DemoProduct['taxClass'];
  channels?: Channel[];
  options?: Axis[];
  images?: 1 | 2;
}

const OMNI: Channel[] = ['WEB', 'APP', 'POS', 'KIOSK'];
const MARKET: Channel[] = [...OMNI, 'MARKETPLACE'];
const SOCIAL: Channel[] = [...OMNI, 'SOCIAL'];
const POS_ONLY: Channel[] = ['POS'];

function product(s: Spec): DemoProduct {
  const axes = s.options ?? [];
  const variants = cartesian(axes).map((combo): DemoVariant => {
    const extra = combo.reduce((acc, v, i) => acc + (axes[i]?.surcharge?.[v] ?? 0), 0);
    const onSale = s.was !== undefined && (s.saleOn === undefined || combo.includes(s.saleOn));
    return {
      sku: ['VC', s.sku, ...combo.map(code)].join('-'),
      barcode: ean13(barcodeCounter++),
      price: money(s.price + extra),
      compareAtPrice: onSale ? money((s.was ?? 0) + extra) : null,
      selectedOptions: combo.map((value, i) => ({ name: axes[i]?.name ?? '', value })),
    };
  });
  const img = (i: number, alt: string) => ({ url: `https://cdn.velocity-cycles.example/products/${s.handle}-${i}.jpg`, altText: alt });
  return {
    handle: s.handle,
    title: s.title,
    description: s.description,
    vendor: s.vendor,
    productType: s.type,
    tags: s.tags,
    categoryHandle: s.category,
    status: s.status ?? 'ACTIVE',
    taxClass: s.taxClass ?? 'STANDARD',
    channels: s.channels ?? OMNI,
    options: axes.map((a) => ({ name: a.name, values: a.values })),
    images: s.images === 2 ? [img(1, s.title), img(2, `${s.title}, detail view`)] : [img(1, s.title)],
    variants,
  };
}

// Shared option axes
const ROAD_FRAME = opt('Frame size', ['50', '52', '54', '56', '58'], { '58': 100 }); // 58 cm needs longer tubes and parts
const FRAME = opt('Frame size', ['S', 'M', 'L', 'XL']);
const WHEEL = opt('Wheel size', ['27.5"', '29"']);
const colour = (...values: string[]) => opt('Colour', values);
const size = (...values: string[]) => opt('Size', values);
const S_XL = size('S', 'M', 'L', 'XL');
const XS_XL = size('XS', 'S', 'M', 'L', 'XL');
const XS_XXL = size('XS', 'S', 'M', 'L', 'XL', 'XXL');

// ---------------------------------------------------------------------------------------------
// Products
// ---------------------------------------------------------------------------------------------

export const demoProducts: DemoProduct[] = [
  // Road bikes
  product({
    handle: 'aerolith-ar7-disc',
    title: 'Aerolith AR7 Disc',
    vendor: 'Aerolith',
    type: 'Road bike',
    category: 'road-bikes',
    sku: 'RD-AR7',
    description: 'A full-carbon aero race bike with hidden cabling and hydraulic disc brakes. Built for fast group rides and crit racing.',
    tags: ['road', 'aero', 'carbon', 'disc-brakes'],
    price: 3899,
    images: 2,
    options: [ROAD_FRAME, colour('Stealth Black', 'Racing Red')],
  }),
  product({
    handle: 'strada-nova-endura-2x11',
    title: 'Strada Nova Endura 2x11',
    vendor: 'Strada Nova',
    type: 'Road bike',
    category: 'road-bikes',
    sku: 'RD-ENDURA',
    description:
      'An endurance carbon frame with relaxed geometry and room for 32 mm tyres. Comfortable enough for a full day in the saddle.',
    tags: ['road', 'endurance', 'carbon'],
    price: 1899,
    was: 2199,
    channels: MARKET,
    images: 2,
    options: [ROAD_FRAME, colour('Slate Grey', 'Ice Blue')],
  }),
  product({
    handle: 'strada-nova-corsa-alloy',
    title: 'Strada Nova Corsa Alloy',
    vendor: 'Strada Nova',
    type: 'Road bike',
    category: 'road-bikes',
    sku: 'RD-CORSA',
    description: 'A light aluminium road bike with a carbon fork and a reliable 2x9 drivetrain. The ideal first road bike.',
    tags: ['road', 'aluminium', 'entry-level'],
    price: 999,
    options: [ROAD_FRAME],
  }),

  // Gravel bikes
  product({
    handle: 'gritline-traverse-carbon',
    title: 'Gritline Traverse Carbon',
    vendor: 'Gritline',
    type: 'Gravel bike',
    category: 'gravel-bikes',
    sku: 'GR-TRAV',
    description: 'A carbon gravel racer with clearance for 45 mm tyres and a 1x12 drivetrain. Fast on dirt, composed on tarmac.',
    tags: ['gravel', 'carbon', '1x'],
    price: 2499,
    images: 2,
    options: [FRAME, colour('Sand', 'Olive')],
  }),
  product({
    handle: 'gritline-dirt-road-al',
    title: 'Gritline Dirt Road AL',
    vendor: 'Gritline',
    type: 'Gravel bike',
    category: 'gravel-bikes',
    sku: 'GR-DIRT',
    description: 'An aluminium all-road bike with rack and mudguard mounts. Equally at home commuting or exploring forest tracks.',
    tags: ['gravel', 'aluminium', 'commuter', 'bikepacking'],
    price: 1349,
    channels: SOCIAL,
    options: [FRAME, colour('Black', 'Orange')],
  }),
  product({
    handle: 'gritline-expedition-ti',
    title: 'Gritline Expedition Ti',
    vendor: 'Gritline',
    type: 'Gravel bike',
    category: 'gravel-bikes',
    sku: 'GR-EXPTI',
    description: 'A hand-welded titanium adventure bike with three bottle mounts and a dropper-post routing. Arriving next season.',
    tags: ['gravel', 'titanium', 'bikepacking'],
    price: 5499,
    status: 'DRAFT',
    images: 2,
    options: [size('M', 'L', 'XL')],
  }),

  // Mountain bikes
  product({
    handle: 'fellwalker-ridge-140',
    title: 'Fellwalker Ridge 140',
    vendor: 'Fellwalker',
    type: 'Mountain bike',
    category: 'mountain-bikes',
    sku: 'MTB-RIDGE',
    description: 'A 140 mm full-suspension trail bike that climbs efficiently and descends with confidence.',
    tags: ['mtb', 'full-suspension', 'trail'],
    price: 3299,
    images: 2,
    options: [FRAME, WHEEL],
  }),
  product({
    handle: 'fellwalker-scout-ht',
    title: 'Fellwalker Scout HT',
    vendor: 'Fellwalker',
    type: 'Mountain bike',
    category: 'mountain-bikes',
    sku: 'MTB-SCOUT',
    description: 'An aluminium hardtail with a 120 mm air fork and hydraulic discs. A dependable way into trail riding.',
    tags: ['mtb', 'hardtail', 'entry-level'],
    price: 849,
    was: 949,
    options: [FRAME, WHEEL],
  }),
  product({
    handle: 'fellwalker-gravity-170',
    title: 'Fellwalker Gravity 170',
    vendor: 'Fellwalker',
    type: 'Mountain bike',
    category: 'mountain-bikes',
    sku: 'MTB-GRAV',
    description: 'A 170 mm enduro bike with coil shock and 29" wheels. Made for steep, rough and fast descents.',
    tags: ['mtb', 'enduro', 'full-suspension', '29er'],
    price: 4599,
    images: 2,
    options: [FRAME, colour('Raw Alloy', 'Forest Green')],
  }),

  // E-bikes
  product({
    handle: 'halcyra-commute-e5',
    title: 'Halcyra Commute E5',
    vendor: 'Halcyra',
    type: 'E-bike',
    category: 'e-city-bikes',
    sku: 'EB-COMM',
    description:
      'A mid-drive electric commuter with integrated lights, rack and mudguards. Choose the larger battery for up to 140 km of range.',
    tags: ['e-bike', 'commuter', 'city'],
    price: 2799,
    images: 2,
    options: [size('S', 'M', 'L'), opt('Battery', ['500 Wh', '625 Wh'], { '625 Wh': 300 })],
  }),
  product({
    handle: 'halcyra-cargo-duo',
    title: 'Halcyra Cargo Duo',
    vendor: 'Halcyra',
    type: 'E-cargo bike',
    category: 'e-city-bikes',
    sku: 'EB-CARGO',
    description:
      'A long-tail electric cargo bike that carries two children or a week of shopping. Includes a wide centre stand and running boards.',
    tags: ['e-bike', 'cargo', 'family'],
    price: 5299,
    channels: MARKET,
    images: 2,
    options: [opt('Battery', ['500 Wh', '750 Wh'], { '750 Wh': 400 }), colour('Black', 'Sage')],
  }),
  product({
    handle: 'fellwalker-e-ridge-150',
    title: 'Fellwalker E-Ridge 150',
    vendor: 'Fellwalker',
    type: 'E-mountain bike',
    category: 'e-mountain-bikes',
    sku: 'EMTB-RIDGE',
    description: 'A 150 mm electric trail bike with a powerful 85 Nm motor. Ride more laps with less walking.',
    tags: ['e-bike', 'mtb', 'full-suspension'],
    price: 5199,
    images: 2,
    options: [FRAME, opt('Battery', ['625 Wh', '750 Wh'], { '750 Wh': 350 })],
  }),
  product({
    handle: 'halcyra-trail-e3',
    title: 'Halcyra Trail E3',
    vendor: 'Halcyra',
    type: 'E-mountain bike',
    category: 'e-mountain-bikes',
    sku: 'EMTB-TRAIL',
    description: 'An electric hardtail for forest trails and steep commutes alike.',
    tags: ['e-bike', 'mtb', 'hardtail'],
    price: 2999,
    was: 3299,
    saleOn: '500 Wh',
    options: [FRAME, opt('Battery', ['500 Wh', '625 Wh'], { '625 Wh': 250 })],
  }),

  // Kids' bikes
  product({
    handle: 'sprocket-junior-16',
    title: 'Sprocket Junior 16',
    vendor: 'Sprocket & Co',
    type: "Kids' bike",
    category: 'kids-bikes',
    sku: 'KID-J16',
    description: 'A 16" bike for ages 4 to 6 weighing just 6.5 kg. Short-reach brake levers suit small hands.',
    tags: ['kids', 'lightweight', '16-inch'],
    price: 429,
    options: [colour('Mint', 'Coral', 'Navy')],
  }),
  product({
    handle: 'sprocket-junior-20',
    title: 'Sprocket Junior 20',
    vendor: 'Sprocket & Co',
    type: "Kids' bike",
    category: 'kids-bikes',
    sku: 'KID-J20',
    description: 'A 20" bike with seven gears for ages 6 to 9. Light enough for kids to ride all day.',
    tags: ['kids', 'lightweight', '20-inch'],
    price: 499,
    channels: SOCIAL,
    options: [colour('Mint', 'Coral', 'Navy')],
  }),
  product({
    handle: 'sprocket-trail-24',
    title: 'Sprocket Trail 24',
    vendor: 'Sprocket & Co',
    type: "Kids' bike",
    category: 'kids-bikes',
    sku: 'KID-T24',
    description: 'A 24" mountain bike with a lightweight air fork and disc brakes for young trail riders.',
    tags: ['kids', 'mtb', '24-inch'],
    price: 649,
    options: [colour('Mint', 'Navy')],
  }),

  // City bikes
  product({
    handle: 'canal-street-classic-7',
    title: 'Canal Street Classic 7',
    vendor: 'Canal Street Cycles',
    type: 'City bike',
    category: 'city-bikes',
    sku: 'CTY-CLS7',
    description: 'A relaxed city bike with a 7-speed hub, chain guard, rack and dynamo lights. Practical, upright and low-maintenance.',
    tags: ['city', 'hub-gear', 'commuter'],
    price: 749,
    images: 2,
    options: [size('S', 'M', 'L'), opt('Frame style', ['Step-through', 'Diamond'])],
  }),
  product({
    handle: 'canal-street-fold-6',
    title: 'Canal Street Fold 6',
    vendor: 'Canal Street Cycles',
    type: 'Folding bike',
    category: 'city-bikes',
    sku: 'CTY-FOLD6',
    description: 'A 6-speed folding bike that packs down in ten seconds. Perfect for train-and-ride commutes.',
    tags: ['city', 'folding', 'commuter'],
    price: 1099,
    channels: MARKET,
    options: [colour('Black', 'Racing Red', 'White')],
  }),
  product({
    handle: 'canal-street-urban-8-belt',
    title: 'Canal Street Urban 8 Belt',
    vendor: 'Canal Street Cycles',
    type: 'City bike',
    category: 'city-bikes',
    sku: 'CTY-URB8',
    description: 'A belt-drive urban bike with an 8-speed hub. Discontinued; kept for order history.',
    tags: ['city', 'belt-drive', 'hub-gear'],
    price: 1249,
    status: 'ARCHIVED',
    options: [size('S', 'M', 'L')],
  }),

  // Drivetrain
  product({
    handle: 'coglane-cn12-chain',
    title: 'Coglane CN-12 Chain',
    vendor: 'Coglane Components',
    type: 'Chain',
    category: 'drivetrain',
    sku: 'DT-CN12',
    description: 'A 12-speed chain with a reusable quick link and hardened pins.',
    tags: ['drivetrain', 'chain', '12-speed'],
    price: 39.95,
    options: [opt('Links', ['116', '126'], { '126': 3 })],
  }),
  product({
    handle: 'coglane-cs11-cassette',
    title: 'Coglane CS-11 Cassette',
    vendor: 'Coglane Components',
    type: 'Cassette',
    category: 'drivetrain',
    sku: 'DT-CS11',
    description: 'An 11-speed road cassette with steel cogs on an alloy carrier.',
    tags: ['drivetrain', 'cassette', '11-speed'],
    price: 89,
    options: [opt('Range', ['11-28', '11-32', '11-34'], { '11-34': 10 })],
  }),
  product({
    handle: 'coglane-forged-crankset',
    title: 'Coglane Forged Crankset',
    vendor: 'Coglane Components',
    type: 'Crankset',
    category: 'drivetrain',
    sku: 'DT-CRANK',
    description: 'A hollow-forged aluminium 2x crankset with a 24 mm spindle. Stiff, light and easy to service.',
    tags: ['drivetrain', 'crankset', 'road'],
    price: 229,
    was: 259,
    channels: MARKET,
    options: [opt('Crank length', ['165 mm', '170 mm', '172.5 mm', '175 mm']), opt('Chainrings', ['50/34', '52/36'])],
  }),
  product({
    handle: 'coglane-rd12-derailleur',
    title: 'Coglane RD-12 Rear Derailleur',
    vendor: 'Coglane Components',
    type: 'Derailleur',
    category: 'drivetrain',
    sku: 'DT-RD12',
    description: 'A clutch-equipped 12-speed rear derailleur that keeps the chain quiet on rough ground.',
    tags: ['drivetrain', 'derailleur', '12-speed'],
    price: 149,
    options: [opt('Cage', ['Short', 'Medium'])],
  }),

  // Brakes
  product({
    handle: 'stopwell-hydraulic-disc-brake',
    title: 'Stopwell Hydraulic Disc Brake',
    vendor: 'Stopwell',
    type: 'Disc brake',
    category: 'brakes',
    sku: 'BR-HYD',
    description: 'A two-piston hydraulic disc brake with tool-free reach adjustment. Comes pre-bled with mineral oil.',
    tags: ['brakes', 'hydraulic', 'disc-brakes'],
    price: 119,
    was: 139,
    options: [opt('Position', ['Front', 'Rear'], { Rear: 10 })],
  }),
  product({
    handle: 'stopwell-centerlock-rotor',
    title: 'Stopwell Centerlock Rotor',
    vendor: 'Stopwell',
    type: 'Brake rotor',
    category: 'brakes',
    sku: 'BR-ROTOR',
    description: 'A two-piece stainless steel rotor on an aluminium carrier for consistent braking and less fade.',
    tags: ['brakes', 'rotor', 'disc-brakes'],
    price: 44.95,
    options: [opt('Diameter', ['140 mm', '160 mm', '180 mm', '203 mm'], { '180 mm': 5, '203 mm': 10 })],
  }),
  product({
    handle: 'stopwell-disc-brake-pads',
    title: 'Stopwell Disc Brake Pads',
    vendor: 'Stopwell',
    type: 'Brake pads',
    category: 'brakes',
    sku: 'BR-PADS',
    description: 'Replacement pads for Stopwell hydraulic brakes. Organic for quiet bite, sintered for long life in the wet.',
    tags: ['brakes', 'pads', 'spares'],
    price: 17.95,
    options: [opt('Compound', ['Organic', 'Sintered'], { Sintered: 3 })],
  }),

  // Wheels & tyres
  product({
    handle: 'treadmark-allroad-tyre',
    title: 'Treadmark Allroad Tyre',
    vendor: 'Treadmark',
    type: 'Tyre',
    category: 'wheels-tyres',
    sku: 'WT-ALLRD',
    description: 'A tubeless-ready gravel tyre with a fast centre line and grippy shoulder knobs.',
    tags: ['tyre', 'gravel', 'tubeless'],
    price: 49.95,
    channels: MARKET,
    options: [size('700x32c', '700x40c', '650x47b')],
  }),
  product({
    handle: 'treadmark-trailgrip-tyre',
    title: 'Treadmark Trailgrip Tyre',
    vendor: 'Treadmark',
    type: 'Tyre',
    category: 'wheels-tyres',
    sku: 'WT-TGRIP',
    description: 'An aggressive MTB tyre with a dual-compound tread and reinforced casing.',
    tags: ['tyre', 'mtb', 'tubeless'],
    price: 59.95,
    options: [WHEEL, opt('Width', ['2.4"', '2.6"'], { '2.6"': 5 })],
  }),
  product({
    handle: 'rimwright-carbon-wheelset',
    title: 'Rimwright Carbon Wheelset',
    vendor: 'Rimwright',
    type: 'Wheelset',
    category: 'wheels-tyres',
    sku: 'WT-CWHL',
    description:
      'A tubeless-ready carbon disc wheelset with 24 bladed spokes front and rear. Deeper rims trade a little weight for aero speed.',
    tags: ['wheels', 'carbon', 'road', 'tubeless'],
    price: 499,
    images: 2,
    options: [opt('Rim depth', ['35 mm', '45 mm'], { '45 mm': 50 })],
  }),
  product({
    handle: 'treadmark-tubeless-valves',
    title: 'Treadmark Tubeless Valves',
    vendor: 'Treadmark',
    type: 'Tubeless valve',
    category: 'wheels-tyres',
    sku: 'WT-VALVE',
    description: 'A pair of alloy tubeless valves with removable cores.',
    tags: ['tubeless', 'spares'],
    price: 19.95,
  }),

  // Helmets
  product({
    handle: 'shellcraft-aero-road-helmet',
    title: 'Shellcraft Aero Road Helmet',
    vendor: 'Shellcraft',
    type: 'Helmet',
    category: 'helmets',
    sku: 'HL-AERO',
    description: 'A ventilated aero road helmet with a rotational-impact liner and a magnetic buckle.',
    tags: ['helmet', 'road', 'aero'],
    price: 179,
    images: 2,
    options: [size('S', 'M', 'L'), colour('Matte Black', 'White')],
  }),
  product({
    handle: 'shellcraft-urban-helmet',
    title: 'Shellcraft Urban Helmet',
    vendor: 'Shellcraft',
    type: 'Helmet',
    category: 'helmets',
    sku: 'HL-URBAN',
    description: 'A commuter helmet with an integrated rear LED and a reflective trim.',
    tags: ['helmet', 'city', 'commuter'],
    price: 79.95,
    was: 99.95,
    saleOn: 'Sage',
    channels: SOCIAL,
    options: [size('S/M', 'L/XL'), colour('Sage', 'Navy', 'Black')],
  }),
  product({
    handle: 'shellcraft-kids-helmet',
    title: 'Shellcraft Kids Helmet',
    vendor: 'Shellcraft',
    type: 'Helmet',
    category: 'helmets',
    sku: 'HL-KIDS',
    description: 'A lightweight helmet for kids with a pinch-free buckle and a dial fit system.',
    tags: ['helmet', 'kids'],
    price: 39.95,
    options: [size('XS', 'S'), colour('Mint', 'Coral')],
  }),

  // Lights
  product({
    handle: 'lumora-beam-1200',
    title: 'Lumora Beam 1200 Front Light',
    vendor: 'Lumora',
    type: 'Front light',
    category: 'lights',
    sku: 'LT-BEAM12',
    description: 'A 1200-lumen USB-C rechargeable front light with a road-legal low beam. Runs up to 20 hours in eco mode.',
    tags: ['lights', 'front-light', 'usb-c'],
    price: 89.95,
    was: 109.95,
  }),
  product({
    handle: 'lumora-glow-rear-light',
    title: 'Lumora Glow Rear Light',
    vendor: 'Lumora',
    type: 'Rear light',
    category: 'lights',
    sku: 'LT-GLOW',
    description: 'A compact rear light with a brake-sensing mode that brightens as you slow down.',
    tags: ['lights', 'rear-light', 'usb-c'],
    price: 29.95,
  }),
  product({
    handle: 'lumora-duo-light-set',
    title: 'Lumora Duo Light Set',
    vendor: 'Lumora',
    type: 'Light set',
    category: 'lights',
    sku: 'LT-DUO',
    description: 'A front and rear light set that charges from a single USB cable. An easy gift for new commuters.',
    tags: ['lights', 'light-set', 'commuter'],
    price: 49.95,
    channels: SOCIAL,
  }),

  // Locks
  product({
    handle: 'ironclasp-u-lock-13',
    title: 'Ironclasp U-Lock 13',
    vendor: 'Ironclasp',
    type: 'U-lock',
    category: 'locks',
    sku: 'LK-U13',
    description: 'A 13 mm hardened-steel U-lock with a double-bolt shackle and a frame bracket.',
    tags: ['lock', 'u-lock', 'security'],
    price: 64.95,
    options: [opt('Length', ['180 mm', '230 mm'], { '230 mm': 5 })],
  }),
  product({
    handle: 'ironclasp-folding-lock-85',
    title: 'Ironclasp Folding Lock 85',
    vendor: 'Ironclasp',
    type: 'Folding lock',
    category: 'locks',
    sku: 'LK-FOLD85',
    description: 'An 85 cm folding lock that packs into a neat holster on your frame.',
    tags: ['lock', 'folding-lock', 'security'],
    price: 79.95,
    channels: MARKET,
    options: [colour('Black', 'Orange')],
  }),
  product({
    handle: 'ironclasp-smart-alarm-lock',
    title: 'Ironclasp Smart Alarm Lock',
    vendor: 'Ironclasp',
    type: 'U-lock',
    category: 'locks',
    sku: 'LK-SMART',
    description: 'A U-lock with a 100 dB alarm and app notifications. Pending certification.',
    tags: ['lock', 'u-lock', 'smart'],
    price: 149,
    status: 'DRAFT',
  }),

  // Bags
  product({
    handle: 'packhorn-frame-bag',
    title: 'Packhorn Frame Bag',
    vendor: 'Packhorn',
    type: 'Frame bag',
    category: 'bags',
    sku: 'BG-FRAME',
    description: 'A waterproof frame bag with a full-length zip for snacks, tools and a phone.',
    tags: ['bags', 'bikepacking', 'waterproof'],
    price: 54.95,
    options: [size('S', 'M', 'L')],
  }),
  product({
    handle: 'packhorn-pannier-20',
    title: 'Packhorn Pannier 20 L',
    vendor: 'Packhorn',
    type: 'Pannier',
    category: 'bags',
    sku: 'BG-PAN20',
    description: 'A roll-top 20-litre pannier with a quick-release rack mount. Fully waterproof, with a laptop sleeve.',
    tags: ['bags', 'pannier', 'commuter', 'waterproof'],
    price: 89.95,
    channels: MARKET,
    options: [colour('Black', 'Olive')],
  }),
  product({
    handle: 'packhorn-saddle-pack-12',
    title: 'Packhorn Saddle Pack 12 L',
    vendor: 'Packhorn',
    type: 'Saddle bag',
    category: 'bags',
    sku: 'BG-SAD12',
    description: 'A 12-litre bikepacking saddle pack with a stabilising harness. No rack needed.',
    tags: ['bags', 'bikepacking'],
    price: 109,
    was: 129,
  }),

  // Jerseys
  product({
    handle: 'threadline-classic-jersey',
    title: 'Threadline Classic Short-Sleeve Jersey',
    vendor: 'Threadline',
    type: 'Jersey',
    category: 'jerseys',
    sku: 'CL-JCLS',
    description: 'A breathable short-sleeve jersey with three rear pockets and a full-length zip.',
    tags: ['jersey', 'summer', 'road'],
    price: 69.95,
    was: 89.95,
    saleOn: 'Racing Red',
    channels: SOCIAL,
    options: [XS_XXL, colour('Navy', 'Racing Red')],
  }),
  product({
    handle: 'threadline-pro-aero-jersey',
    title: 'Threadline Pro Aero Jersey',
    vendor: 'Threadline',
    type: 'Jersey',
    category: 'jerseys',
    sku: 'CL-JAERO',
    description: 'A race-fit aero jersey made from a lightweight textured fabric. Cut close to save watts.',
    tags: ['jersey', 'aero', 'race'],
    price: 129,
    images: 2,
    options: [XS_XL, colour('Black', 'White')],
  }),
  product({
    handle: 'threadline-thermal-jersey',
    title: 'Threadline Thermal Long-Sleeve Jersey',
    vendor: 'Threadline',
    type: 'Jersey',
    category: 'jerseys',
    sku: 'CL-JTHRM',
    description: 'A brushed thermal long-sleeve jersey for cold mornings between 5 and 12 °C.',
    tags: ['jersey', 'winter', 'long-sleeve'],
    price: 99.95,
    options: [S_XL, colour('Black', 'Olive')],
  }),

  // Shorts
  product({
    handle: 'threadline-endurance-bib-shorts',
    title: 'Threadline Endurance Bib Shorts',
    vendor: 'Threadline',
    type: 'Bib shorts',
    category: 'shorts',
    sku: 'CL-BIB',
    description: "Bib shorts with a multi-density chamois for rides over five hours. The women's cut has a drop-tail design.",
    tags: ['shorts', 'bib-shorts', 'road'],
    price: 139,
    options: [XS_XXL, opt('Cut', ['Regular', "Women's"])],
  }),
  product({
    handle: 'threadline-trail-shorts',
    title: 'Threadline Trail Shorts',
    vendor: 'Threadline',
    type: 'Baggy shorts',
    category: 'shorts',
    sku: 'CL-TRAIL',
    description: 'Durable baggy shorts with a stretch panel and zipped pockets. Fits over knee pads.',
    tags: ['shorts', 'mtb', 'baggy'],
    price: 79.95,
    options: [S_XL, colour('Black', 'Sand')],
  }),
  product({
    handle: 'threadline-winter-bib-tights',
    title: 'Threadline Winter Bib Tights',
    vendor: 'Threadline',
    type: 'Bib tights',
    category: 'shorts',
    sku: 'CL-TIGHT',
    description: 'Fleece-lined, water-repellent bib tights for winter training.',
    tags: ['shorts', 'winter', 'tights'],
    price: 159,
    was: 179,
    options: [S_XL],
  }),

  // Gloves
  product({
    handle: 'palmline-summer-mitts',
    title: 'Palmline Summer Mitts',
    vendor: 'Palmline',
    type: 'Gloves',
    category: 'gloves',
    sku: 'CL-MITT',
    description: 'Fingerless mitts with gel padding and pull tabs for easy removal.',
    tags: ['gloves', 'summer', 'road'],
    price: 24.95,
    options: [S_XL],
  }),
  product({
    handle: 'palmline-winter-gloves',
    title: 'Palmline Winter Gloves',
    vendor: 'Palmline',
    type: 'Gloves',
    category: 'gloves',
    sku: 'CL-WGLV',
    description: 'Insulated windproof gloves with touchscreen fingertips. The hi-vis version helps drivers see your hand signals.',
    tags: ['gloves', 'winter', 'windproof'],
    price: 49.95,
    options: [S_XL, colour('Black', 'Hi-Vis Yellow')],
  }),
  product({
    handle: 'palmline-trail-gloves',
    title: 'Palmline Trail Gloves',
    vendor: 'Palmline',
    type: 'Gloves',
    category: 'gloves',
    sku: 'CL-TGLV',
    description: 'Full-finger gloves with a thin single-layer palm for good bar feel.',
    tags: ['gloves', 'mtb'],
    price: 34.95,
    channels: MARKET,
    options: [S_XL],
  }),

  // Tools
  product({
    handle: 'gearsmith-multi-tool-18',
    title: 'Gearsmith Multi-Tool 18',
    vendor: 'Gearsmith',
    type: 'Multi-tool',
    category: 'tools',
    sku: 'TL-MT18',
    description: 'Eighteen functions including a chain breaker and tyre levers in a 140 g package.',
    tags: ['tools', 'multi-tool', 'on-the-go'],
    price: 34.95,
  }),
  product({
    handle: 'gearsmith-torque-wrench',
    title: 'Gearsmith Torque Wrench 2-20 Nm',
    vendor: 'Gearsmith',
    type: 'Torque wrench',
    category: 'tools',
    sku: 'TL-TORQ',
    description: 'A click-type torque wrench with a set of bits. Essential for carbon parts.',
    tags: ['tools', 'workshop', 'carbon'],
    price: 119,
    was: 139,
  }),
  product({
    handle: 'gearsmith-workstand-pro',
    title: 'Gearsmith Workstand Pro',
    vendor: 'Gearsmith',
    type: 'Workstand',
    category: 'tools',
    sku: 'TL-STAND',
    description: 'A folding home workstand with a rotating clamp and a tool tray.',
    tags: ['tools', 'workshop', 'home-mechanic'],
    price: 229,
    channels: MARKET,
    images: 2,
  }),
  product({
    handle: 'gearsmith-track-pump',
    title: 'Gearsmith Track Pump',
    vendor: 'Gearsmith',
    type: 'Pump',
    category: 'tools',
    sku: 'TL-PUMP',
    description: 'A steel-barrel floor pump with a large gauge and a dual-valve head, good to 11 bar.',
    tags: ['tools', 'pump'],
    price: 49.95,
  }),

  // Lubricants & cleaning
  product({
    handle: 'slickchain-dry-lube',
    title: 'Slickchain Dry Lube',
    vendor: 'Slickchain',
    type: 'Chain lube',
    category: 'lubricants',
    sku: 'LB-DRY',
    description: 'A wax-based dry lube that keeps drivetrains clean in dusty summer conditions.',
    tags: ['lube', 'dry', 'maintenance'],
    price: 12.95,
    options: [opt('Volume', ['120 ml', '500 ml'], { '500 ml': 18 })],
  }),
  product({
    handle: 'slickchain-wet-lube',
    title: 'Slickchain Wet Lube',
    vendor: 'Slickchain',
    type: 'Chain lube',
    category: 'lubricants',
    sku: 'LB-WET',
    description: 'A long-lasting wet lube for rain, mud and winter commutes.',
    tags: ['lube', 'wet', 'maintenance'],
    price: 12.95,
    options: [opt('Volume', ['120 ml', '500 ml'], { '500 ml': 18 })],
  }),
  product({
    handle: 'slickchain-bike-wash',
    title: 'Slickchain Bike Wash',
    vendor: 'Slickchain',
    type: 'Cleaner',
    category: 'lubricants',
    sku: 'LB-WASH',
    description: 'A biodegradable bike wash that is safe on carbon, seals and brake rotors.',
    tags: ['cleaning', 'maintenance', 'biodegradable'],
    price: 14.95,
    options: [opt('Volume', ['1 L', '5 L'], { '5 L': 25 })],
  }),

  // Workshop services: sold only at the till, since they are booked and done in store. Bicycle
  // repair may be taxed at a reduced rate in the EU (VAT Directive, Annex III, 19; e.g. 9 % in the
  // Netherlands), so they are the shop's REDUCED products: it sells no food or books.
  product({
    handle: 'workshop-full-tune-up',
    title: 'Workshop service: full tune-up',
    vendor: 'Velocity Cycles',
    type: 'Service',
    category: 'workshop-services',
    sku: 'SVC-TUNE',
    description: 'A full strip, clean and rebuild with gear and brake adjustment. Parts are charged separately.',
    tags: ['service', 'workshop', 'tune-up'],
    price: 129,
    channels: POS_ONLY,
    taxClass: 'REDUCED',
  }),
  product({
    handle: 'workshop-brake-bleed',
    title: 'Workshop service: hydraulic brake bleed',
    vendor: 'Velocity Cycles',
    type: 'Service',
    category: 'workshop-services',
    sku: 'SVC-BLEED',
    description: 'Fresh fluid and a firm lever feel for hydraulic disc brakes. Fluid is included.',
    tags: ['service', 'workshop', 'brakes'],
    price: 45,
    channels: POS_ONLY,
    taxClass: 'REDUCED',
    options: [opt('Scope', ['Single brake', 'Both brakes'], { 'Both brakes': 30 })],
  }),
  product({
    handle: 'workshop-wheel-truing',
    title: 'Workshop service: wheel truing',
    vendor: 'Velocity Cycles',
    type: 'Service',
    category: 'workshop-services',
    sku: 'SVC-TRUE',
    description: 'Lateral and radial truing plus spoke tension balancing for one wheel.',
    tags: ['service', 'workshop', 'wheels'],
    price: 25,
    channels: POS_ONLY,
    taxClass: 'REDUCED',
  }),
];
