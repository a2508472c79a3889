/* chorus-sample-phrases-es.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-sample-private.h"

/* Spanish phrase banks: the same community, written the way Spanish-speaking
 * hikers write, not translated line by line. Sample data, never translated.
 * The slots are those of chorus-sample-phrases-en.c. Products follow "mi" or
 * "de mi", and {W} carries its own feminine article, so that no contraction
 * ("del", "al") or agreement depends on which product is drawn. */

#define BANK(array) { array, G_N_ELEMENTS (array) }

static const char * const products[] = {
  "tienda Summit 2", "tienda Summit 3", "mochila Ridgeline 35", "mochila Ridgeline 50",
  "chaqueta de plumas Cedar", "chaqueta Alpine Shell", "saco Drift", "hornillo Basecamp",
  "taza Trail Mug", "camiseta Summit Tee", "camiseta térmica Merino 200", "tienda Ridge UL1",
  "pantalón de lluvia Cascade",
};
static const char * const zipped[] = {
  "tienda Summit 2", "mochila Ridgeline 35", "mochila Ridgeline 50", "chaqueta de plumas Cedar",
  "chaqueta Alpine Shell", "saco Drift", "tienda Summit 3", "pantalón de lluvia Cascade",
};
static const char * const tents[] = { "tienda Summit 2", "tienda Summit 3", "tienda Ridge UL1" };
static const char * const wearables[] = {
  "la chaqueta Alpine Shell", "la chaqueta de plumas Cedar", "la camiseta Summit Tee",
  "la zapatilla Trail Runner", "la camiseta térmica Merino 200", "la bota Switchback",
};
static const char * const places[] = {
  "Sierra de Gredos", "Ordesa", "Picos de Europa", "la Pedriza", "Sierra Nevada", "Sanabria",
  "Montseny", "Cazorla", "Pine Ridge", "Cathedral Peak", "Aigüestortes", "la Sierra de Guara",
};
static const char * const cities[] = {
  "Madrid", "Bilbao", "Sevilla", "Zaragoza", "Valencia", "Oviedo", "Ciudad de México", "Bogotá",
};
static const char * const colors[] = {
  "verde bosque", "naranja teja", "azul pizarra", "gris piedra", "rojo ladrillo", "mostaza",
};
static const char * const when[] = {
  "el fin de semana pasado", "ayer", "el sábado", "esta mañana", "en el puente",
  "hace dos semanas", "el domingo",
};
static const char * const sizes[] = { "S", "M", "L", "XL", "42", "44" };
static const char * const emoji[] = {
  "🏕️", "⛺", "🥾", "🌲", "🏔️", "☀️", "🙌", "👍", "😅", "🤔", "😬", "❤️", "🔥", "💪", "🌧️",
  "🌄", "🎒", "🙏",
};
static const char * const hashtags[] = {
  "#Tallpine", "#TallpineTrail", "#TrailTested", "#senderismo", "#montaña", "#acampada",
  "#vivac", "#travesía",
};

static const char * const zipper_openers[] = {
  "No estoy nada contento.", "{b} una consulta sobre un defecto.", "Vaya fallo.",
  "Día {n} de ruta y me pasa esto.", "Aviso por si alguien tiene una igual.",
  "A ver si alguien me puede ayudar.",
};
static const char * const zipper_bodies[] = {
  "La cremallera principal de mi {Z} se abrió entera después de solo {N} noches.",
  "Esta mañana en {p} se me rompió el tirador de la cremallera de mi {Z}.",
  "La cremallera de mi {Z} se engancha siempre con la solapa y ya tiene varios dientes doblados.",
  "El cursor de mi {Z} ya no cierra: los dientes se vuelven a separar por detrás.",
  "Se soltó la mitad de los dientes del bolsillo de mi {Z} con la lluvia en {p}.",
  "La cremallera de doble cursor de mi {Z} se atasca cada vez que la abro desde abajo.",
  "Compré mi {Z} en {c} hace {n} meses y la cremallera ya parece que va a ceder.",
};
static const char * const zipper_details[] = {
  "Siempre he tenido cuidado con la cremallera, nunca la he forzado.",
  "Estábamos bajo cero, por si influye.", "Tuve que cerrarla con un imperdible toda la noche 😬",
  "Adjunto fotos, pedido {o}.", "Todo lo demás va genial, por eso me molesta más.",
};
static const char * const zipper_questions[] = {
  "¿Esto entra en la garantía?",
  "¿Me podéis mandar un cursor de repuesto o hay que devolverlo todo?",
  "¿A alguien más le ha pasado?", "¿Recomendáis algún kit de reparación?",
  "¿Cuánto suele tardar una reparación en garantía?",
};
static const char * const zipper_closers[] = {
  "No es lo que espero por este precio.", "Bastante decepcionado.",
  "Agradecería una respuesta rápida, vuelvo a salir el viernes.", "Gracias de antemano.",
};
static const char * const zipper_brand[] = {
  "¡Lo sentimos mucho, {r}! Las cremalleras tienen garantía de por vida. Escríbenos por "
    "privado con el número de pedido y te mandamos un cursor nuevo esta semana.",
  "Gracias por avisar, {r}. ¿Nos mandas una foto del cursor? Lo solucionamos enseguida.",
  "Eso no debería pasar, {r}. Nuestro taller lo repara gratis: escríbenos y te enviamos una "
    "etiqueta prepagada.",
};
static const char * const zipper_titles[] = {
  "Cremallera rota en mi {Z} tras {N} noches", "Se ha roto el tirador de mi {Z}",
  "Cremallera atascada, ¿alguna solución?", "¿Garantía por una cremallera rota?",
};

static const char * const tent_openers[] = {
  "¡Mención especial para {b}!", "Vale, estoy impresionada.", "Post de agradecimiento.",
  "Tenía que compartirlo.", "Cinco estrellas.",
};
static const char * const tent_bodies[] = {
  "{N} noches en mi {T} en {p} y ni una gota dentro, con dos tormentas.",
  "Monté mi {T} en menos de cuatro minutos en {p}, con viento y yo solo.",
  "Mi {T} aguantó rachas de 60 km/h en {p} sin doblar ni una varilla.",
  "Tercera temporada con mi {T} y sigue como nueva.",
  "En el ábside de mi {T} caben dos mochilas y las botas, justo lo que quería.",
  "Amanecimos con escarcha en el doble techo en {p} y cero condensación dentro de mi {T}.",
};
static const char * const tent_details[] = {
  "Además, el color {c} queda genial en las fotos.", "Plegada ocupa poquísimo para ser de dos plazas.",
  "Mi pareja ya se ha convertido.", "Vale cada céntimo.",
};
static const char * const tent_questions[] = {
  "¿Alguien la ha probado en nieve?", "¿Hay algún suelo (footprint) que le valga?",
};
static const char * const tent_closers[] = {
  "Gracias por hacer buen material.", "Ya estoy planeando la próxima salida.",
  "Muy recomendable.", "Bien hecho, {b}.",
};
static const char * const praise_brand[] = {
  "¡Nos has alegrado el día, {r}! Gracias por llevarnos contigo 🌲",
  "¡Qué pasada! ¿Podemos compartir tu foto en nuestra cuenta, {r}?", "¡Buena ruta, {r}! 🥾",
  "¡Gracias, {r}! La próxima vez usa #TrailTested para que la vea toda la comunidad.",
};
static const char * const tent_titles[] = {
  "Mi {T}, una maravilla", "{N} noches en mi {T} y sin goteras", "Tormenta en {p} con mi {T}",
};

static const char * const sizing_openers[] = {
  "¡Duda de tallas!", "¡Hola, {b}!", "Ayudadme a elegir talla.", "Antes de hacer el pedido:",
};
static const char * const sizing_bodies[] = {
  "Mido 1,78 y suelo usar la talla {s}. ¿Pido una más en {W}?",
  "¿Es verdad que el tallaje de {W} es pequeño? La anterior en {s} me quedaba justa de hombros.",
  "Dudo entre la talla {s} y la siguiente para {W}, y la llevaría con un forro polar debajo.",
  "¿Qué tal el tallaje de {W} comparado con el modelo anterior? Yo tenía la talla {s}.",
  "¿El corte de {W} está pensado para llevar capas debajo o es ajustado?",
  "Tengo el pie algo ancho. ¿Me valdría la zapatilla Trail Runner en {s} o pido media talla más?",
};
static const char * const sizing_questions[] = {
  "¿Algún consejo?", "¿Qué me recomendáis?", "¿Hay una tabla de tallas con medidas reales?",
  "¿Se puede cambiar si no me vale?",
};
static const char * const sizing_closers[] = {
  "¡Gracias!", "Os lo agradezco 🙏", "Quiero hacer el pedido antes del finde.",
};
static const char * const sizing_brand[] = {
  "¡Hola, {r}! Talla normal, con sitio para un forro ligero; si dudas entre dos, coge la "
    "grande. Medidas: https://tallpine.example/es/tallas",
  "¡Buena pregunta, {r}! El modelo nuevo es algo más holgado de hombros que el anterior.",
  "Hola, {r}: los cambios son gratis durante 30 días, así que no hay riesgo.",
};
static const char * const sizing_titles[] = {
  "Duda de talla: {W}", "Tallaje de {W} frente al modelo anterior", "Entre dos tallas",
};

static const char * const shipping_openers[] = {
  "Hola, {b}:", "Consulta sobre envíos.", "¿Alguien más esperando un pedido?", "Mmm.",
};
static const char * const shipping_bodies[] = {
  "Mi pedido {o} lleva {n} días en «etiqueta creada».",
  "¿Enviáis a Canarias? En el pago no me deja elegirlo.",
  "El seguimiento de {o} dice «entregado», pero en casa no hay nada.",
  "¿Cuánto tarda el envío estándar a {C}?",
  "Pedí mi {P} {d} con envío exprés y todavía no se ha movido.",
  "¿Sigue el envío gratis para pedidos de más de 50 €?",
  "El paquete llegó con la caja destrozada, aunque mi {P} parece que está bien.",
};
static const char * const shipping_questions[] = {
  "¿Alguna novedad?", "¿Alguien puede mirar qué pasa?", "¿Se puede cambiar la dirección de entrega?",
};
static const char * const shipping_closers[] = {
  "Gracias.", "Empiezo a estar un poco nervioso.", "Por lo demás, me encanta vuestro material.",
};
static const char * const shipping_brand[] = {
  "Hola, {r}, ¡perdona la espera! ¿Nos pasas el número de pedido por privado? Lo miramos ahora "
    "mismo con la empresa de transporte.",
  "Sí enviamos a Canarias, {r}; tarda de 5 a 7 días. Ya debería aparecer en el pago.",
  "El envío es gratis en pedidos de más de 50 € hasta final de mes, {r} 🙌",
  "¡Lo sentimos, {r}! Hemos abierto una reclamación y ya va un paquete nuevo de camino.",
};
static const char * const shipping_titles[] = {
  "Pedido {o} atascado", "¿Plazos de envío a {C}?", "Paquete entregado que no ha llegado",
};

static const char * const returns_bodies[] = {
  "Quiero devolver mi {P}; está sin usar y con etiquetas. ¿Cómo empiezo la devolución?",
  "Devolví mi {P} hace {n} semanas y todavía no veo el reembolso.",
  "El enlace de la etiqueta de devolución del correo me da error.",
  "¿Puedo devolver {W} que me regalaron sin el ticket?",
  "Cambié {W} por la talla {s} y me ha llegado otra vez la misma talla.",
  "En la web pone 30 días para devoluciones y mi pedido es de hace {N} días. ¿Hay margen?",
};
static const char * const returns_closers[] = {
  "Gracias por la ayuda.", "La verdad, un poco harta.", "Un saludo.",
};
static const char * const returns_brand[] = {
  "¡Hola, {r}! Puedes empezar la devolución en https://tallpine.example/es/devoluciones; es "
    "gratis durante 30 días.",
  "Perdona el retraso, {r}. El reembolso tarda de 3 a 5 días laborables desde que el almacén "
    "recibe el paquete. Escríbenos y lo revisamos.",
  "Sin problema, {r}: los regalos se pueden cambiar sin ticket. Incluye la nota de regalo.",
};
static const char * const returns_titles[] = {
  "Reembolso pendiente de una devolución", "El enlace de devolución no funciona",
  "Cambio de talla equivocado",
};

static const char * const trip_openers[] = {
  "¡Crónica!", "De vuelta del monte.", "Por fin.", "Menudo finde.",
};
static const char * const trip_bodies[] = {
  "Recién vuelta de {N} días por {p}.", "Amanecer en {p} esta mañana.",
  "Completada la circular por {p} con mi {P}.",
  "{N} noches, {n} vadeos y ni una ampolla en {p}.",
  "Primera salida sola con noche: {p}, con mi {P}.",
  "Hicimos la vuelta larga por {p} {d} y tuvimos la cresta para nosotros solos.",
};
static const char * const trip_details[] = {
  "Mi {P} fue la estrella del viaje.", "El tiempo cambió el segundo día, pero íbamos bien equipados.",
  "Las fotos no le hacen justicia.", "El agua estaba helada; las vistas lo compensaron.",
};
static const char * const trip_closers[] = {
  "Con ganas de volver.", "Ruta muy recomendable.", "¡Buena ruta a todos!",
};
static const char * const trip_titles[] = {
  "Crónica: {N} días por {p}", "{p} en {N} días, con fotos", "Vivac en solitario en {p}",
};

static const char * const idea_openers[] = {
  "Una idea para {b}:", "¡Petición!", "Querido equipo de producto:", "Lista de deseos.",
};
static const char * const idea_bodies[] = {
  "Me encantaría una versión en {c} de mi {P}.",
  "Un bolsillo en el cinturón de la mochila Ridgeline 35 donde quepa el móvil sería perfecto.",
  "Por favor, recuperad el modelo antiguo con cremallera lateral.",
  "¿Habrá un corte específico de mujer para {W}?",
  "Un kit de reparación con la misma tela que mi {P} sería muy práctico.",
  "¿Y una tienda más ligera para ir solo? Por debajo de 1 kg sería un sueño.",
  "Estaría bien que la funda de mi {P} cupiera también cuando está mojada.",
};
static const char * const idea_questions[] = {
  "¿A alguien más le gustaría?", "¿Hay algo así previsto?",
};
static const char * const idea_brand[] = {
  "¡Nos encanta la idea, {r}! Se la pasamos al equipo de producto 💡",
  "¡Apuntado, {r}! Estamos probando colores nuevos para la próxima temporada 👀",
  "No eres la primera persona que lo pide, {r}, así que está en la lista.",
};
static const char * const idea_titles[] = {
  "Propuesta: color {c}", "Idea: bolsillo para el móvil en el cinturón", "Que vuelva la cremallera lateral",
};

static const char * const care_openers[] = {
  "¡Duda de mantenimiento!", "¡Hola, {b}!", "Una pregunta rápida:", "Ayuda con el cuidado del material.",
};
static const char * const care_bodies[] = {
  "¿Cómo lavo mi {P} sin estropear el tratamiento?",
  "¿Cuál es la mejor forma de guardar mi {T} en invierno?", "¿Se puede meter {W} en la secadora?",
  "El DWR de mi {P} ya no repele el agua. ¿Merece la pena reimpermeabilizar?",
  "¿Es normal ese olor a nuevo en mi {P}?",
};
static const char * const care_brand[] = {
  "¡Hola, {r}! Programa en frío y suave con jabón técnico, y secadora a baja temperatura para "
    "reactivar el DWR. Guía completa: https://tallpine.example/es/cuidados",
  "Guárdala suelta y seca, {r}, nunca en la funda. Una bolsa de algodón en el armario es ideal.",
};
static const char * const care_titles[] = {
  "¿Cómo lavar mi {P}?", "Consejos para reimpermeabilizar", "Guardar mi {T} en invierno",
};

static const char * const stock_openers[] = {
  "Hola, {b}:", "Pregunta sobre stock.", "Una pregunta rápida:", "Llevo semanas esperando.",
};
static const char * const stock_bodies[] = {
  "¿Cuándo habrá otra vez stock de {W} en {c}?", "¿Va a volver {W} en talla {s}?",
  "Vi {W} en la tienda de {C} pero no en la web. ¿La habéis descatalogado?",
};
static const char * const stock_brand[] = {
  "¡Hola, {r}! Vuelve a principios de primavera. Puedes apuntarte al aviso de stock en la "
    "ficha del producto.",
  "¡No está descatalogada, {r}! El nuevo lote llega a la web la semana que viene.",
};
static const char * const stock_titles[] = {
  "¿Cuándo vuelve {W}?", "Otra vez agotado", "¿Habéis descatalogado el color {c}?",
};

static const char * const replies[] = {
  "¡Igual yo!", "Sigo el hilo, tengo la misma duda.", "Fotaza 😍", "¿Dónde es exactamente?",
  "+1, lo compraría.", "Gracias por compartirlo.", "Vaya faena, espero que lo solucionen.",
  "A mí me pasó lo mismo y en soporte lo arreglaron rápido.", "¡Qué vistas!",
  "Me lo guardo para la próxima salida.", "¿Qué versión tienes?", "¿Te han contestado?",
  "La mía lleva dos años perfecta, por si sirve de algo.",
  "Prueba a pasar un poco de cera de vela por los dientes, a mí me funcionó.",
  "Yo cogí una talla más y perfecta con forro polar.", "Yo hice el pedido {d}, crucemos los dedos.",
};
static const char * const follow_ups[] = {
  "¡Gracias, ya os he escrito por privado!", "Hecho, el número de pedido es {o}.",
  "¡Qué rápido, gracias!", "Entendido, lo pruebo este finde.", "Sigo esperando…",
  "Actualización: hoy ha llegado el repuesto. Servicio de diez 🙌",
  "Perfecto, me queda claro. ¡Hago el pedido!",
};
static const char * const review_titles[] = {
  "Análisis: {P} de Tallpine tras {N} noches", "Prueba a largo plazo: {P} de Tallpine",
  "{P} de Tallpine: lo bueno, lo malo y la cremallera", "Probamos bajo la lluvia: {P} de Tallpine",
};
static const char * const review_openings[] = {
  "Nos llevamos el modelo a {p} durante {N} noches para ver cómo se comporta.",
  "Ha sido nuestro material de referencia en {N} salidas esta temporada, la última en {p}.",
  "{N} noches al raso y un fin de semana muy lluvioso en {p}: así ha ido la prueba.",
};
static const char * const review_lines[] = {
  "En nuestra báscula pesa algo más de lo que indica la ficha.",
  "A favor: buena ventilación, bolsillos con sentido y precio razonable.",
  "En contra: la cremallera pide mano firme y la funda va justa.",
  "Comparado con el modelo del año pasado, el tejido parece más resistente.",
  "No es lo más ligero, pero sí de lo más duradero que hemos probado.",
  "Plegado cabe de sobra en una mochila de 35 litros.",
  "Tras una noche entera de lluvia, todo seguía seco por dentro.",
};
static const char * const review_verdicts[] = {
  "Veredicto: una opción sólida para travesías de tres estaciones.",
  "Veredicto: recomendable, pero revisad la cremallera antes de una travesía larga.",
  "Veredicto: buena relación calidad-precio; no es lo más ligero, pero dura.",
};
static const char * const review_disclosures[] = {
  "Aviso: Tallpine nos prestó la unidad y no ha visto este análisis antes de publicarlo.",
  "Lo compramos nosotros; nadie ha pagado por este análisis.",
};
static const char * const trip_paragraphs[] = {
  "Dejamos el coche en el inicio de la ruta en {p} poco después de las seis, con frontal, "
    "comida para {N} días y demasiado café. La primera subida es dura y constante, y cuando el "
    "sol llegó a la cresta ya habíamos parado dos veces a quitarnos capas.",
  "El segundo día fue el largo. El sendero baja a un valle lleno de pinos viejos y sigue el "
    "río casi toda la tarde. Lo cruzamos {n} veces; el último vadeo nos llegaba a la rodilla y "
    "el agua estaba helada, así que agradecí los calcetines de repuesto.",
  "Esa noche acampamos en un rellano sobre el lago. Monté mi {T} con la puerta de espaldas al "
    "viento, y fue la mejor decisión del viaje, porque hacia medianoche las rachas arreciaron de "
    "verdad.",
  "Mi {P} se ganó su sitio. No era lo más ligero que llevaba, pero fue lo único en lo que no "
    "tuve que pensar en {N} días, y eso es lo mejor que puedo decir de un material.",
  "No todo salió bien. La cremallera de mi {Z} empezó a engancharse la tercera mañana y la "
    "cuarta ya necesitaba las dos manos y algún taco. Escribiré a Tallpine, porque por lo demás "
    "me encanta.",
  "La última mañana vimos desde el collado cómo la niebla salía del valle en {p}. Nadie dijo "
    "nada durante diez minutos largos. Luego nos comimos el último chocolate y empezamos la "
    "bajada.",
  "Notas prácticas para quien quiera hacer la ruta: hay agua de sobra hasta la última cresta, "
    "la oficina de permisos abre a las ocho y el autobús de vuelta a {C} solo pasa dos veces al "
    "día, así que organizad el último día en función de eso.",
  "La lista de material, para quien la pidió: mi {P}, mi {Z}, una esterilla de espuma barata, "
    "el hornillo Basecamp y dos litros de capacidad de agua. Peso base, algo menos de ocho "
    "kilos.",
};
static const char * const odd_html[] = {
  "¿Es <b>esta</b> la nueva {P}? Pone 129 &amp; envío &lt;gratis&gt;",
  "<script>alert(1)</script> jaja, el gato se ha paseado por el teclado",
  "Copiado de la web: <i>Hecha para el camino largo</i><br>&nbsp;<div class=\"specs\">Peso: "
    "1,4 kg</div>",
  "Mirad este enlace <a href=\"javascript:alert('x')\">ofertas tallpine</a> &#x1F525;",
  "<img src=x onerror=alert(2)> ¿hay {W} en {c}?",
};

static const ChorusSampleLanguage spanish = {
  .code = "es",
  .topics = {
    [SAMPLE_TOPIC_ZIPPER] = {
      BANK (zipper_openers), BANK (zipper_bodies), BANK (zipper_details),
      BANK (zipper_questions), BANK (zipper_closers), BANK (zipper_brand), BANK (zipper_titles),
    },
    [SAMPLE_TOPIC_TENT] = {
      BANK (tent_openers), BANK (tent_bodies), BANK (tent_details), BANK (tent_questions),
      BANK (tent_closers), BANK (praise_brand), BANK (tent_titles),
    },
    [SAMPLE_TOPIC_SIZING] = {
      BANK (sizing_openers), BANK (sizing_bodies), { NULL, 0 }, BANK (sizing_questions),
      BANK (sizing_closers), BANK (sizing_brand), BANK (sizing_titles),
    },
    [SAMPLE_TOPIC_SHIPPING] = {
      BANK (shipping_openers), BANK (shipping_bodies), { NULL, 0 }, BANK (shipping_questions),
      BANK (shipping_closers), BANK (shipping_brand), BANK (shipping_titles),
    },
    [SAMPLE_TOPIC_RETURNS] = {
      BANK (shipping_openers), BANK (returns_bodies), { NULL, 0 }, BANK (shipping_questions),
      BANK (returns_closers), BANK (returns_brand), BANK (returns_titles),
    },
    [SAMPLE_TOPIC_TRIP] = {
      BANK (trip_openers), BANK (trip_bodies), BANK (trip_details), { NULL, 0 },
      BANK (trip_closers), BANK (praise_brand), BANK (trip_titles),
    },
    [SAMPLE_TOPIC_IDEA] = {
      BANK (idea_openers), BANK (idea_bodies), { NULL, 0 }, BANK (idea_questions),
      { NULL, 0 }, BANK (idea_brand), BANK (idea_titles),
    },
    [SAMPLE_TOPIC_CARE] = {
      BANK (care_openers), BANK (care_bodies), { NULL, 0 }, { NULL, 0 },
      BANK (sizing_closers), BANK (care_brand), BANK (care_titles),
    },
    [SAMPLE_TOPIC_STOCK] = {
      BANK (stock_openers), BANK (stock_bodies), { NULL, 0 }, { NULL, 0 },
      BANK (sizing_closers), BANK (stock_brand), BANK (stock_titles),
    },
  },
  .products = BANK (products),
  .zipped = BANK (zipped),
  .tents = BANK (tents),
  .wearables = BANK (wearables),
  .places = BANK (places),
  .cities = BANK (cities),
  .colors = BANK (colors),
  .when = BANK (when),
  .sizes = BANK (sizes),
  .emoji = BANK (emoji),
  .hashtags = BANK (hashtags),
  .replies = BANK (replies),
  .follow_ups = BANK (follow_ups),
  .review_titles = BANK (review_titles),
  .review_openings = BANK (review_openings),
  .review_lines = BANK (review_lines),
  .review_verdicts = BANK (review_verdicts),
  .review_disclosures = BANK (review_disclosures),
  .trip_paragraphs = BANK (trip_paragraphs),
  .odd_html = BANK (odd_html),
};

const ChorusSampleLanguage *
_chorus_sample_phrases_es (void)
{
  return &spanish;
}
