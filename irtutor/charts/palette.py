"""Okabe-Ito colours: distinguishable with the common colour-vision deficiencies, on light and dark."""

OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")
ORANGE, SKY_BLUE, GREEN, YELLOW, BLUE, VERMILION, PURPLE, BLACK = OKABE_ITO
