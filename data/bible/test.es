DE allí partió Abraham á la tierra del Mediodía, y asentó entre Cades y Shur, y habitó como forastero en Gerar.
Y dijo Abraham de Sara su mujer: Mi hermana es. Y Abimelech, rey de Gerar, envió y tomó á Sara.
Empero Dios vino á Abimelech en sueños de noche, y le dijo: He aquí muerto eres á causa de la mujer que has tomado, la cual es casada con marido.
Mas Abimelech no había llegado á ella, y dijo: Señor, ¿matarás también la gente justa?
¿No me dijo él: Mi hermana es; y ella también dijo: Es mi hermano? Con sencillez de mi corazón, y con limpieza de mis manos he hecho esto.
Y díjole Dios en sueños: Yo también sé que con integridad de tu corazón has hecho esto; y yo también te detuve de pecar contra mí, y así no te permití que la tocases.
Ahora, pues, vuelve la mujer á su marido; porque es profeta, y orará por ti, y vivirás. Y si tú no la volvieres, sabe que de cierto morirás, con todo lo que fuere tuyo.
Entonces Abimelech se levantó de mañana, y llamó á todos sus siervos, y dijo todas estas palabras en los oídos de ellos; y temieron los hombres en gran manera.
Después llamó Abimelech á Abraham, y le dijo: ¿Qué nos has hecho? ¿y en qué pequé yo contra ti, que has atraído sobre mí y sobre mi reino tan gran pecado? lo que no debiste hacer has hecho conmigo.
Y dijo más Abimelech á Abraham: ¿Qué viste para que hicieses esto?
Y Abraham respondió: Porque dije para mí: Cierto no hay temor de Dios en este lugar, y me matarán por causa de mi mujer.
Y á la verdad también es mi hermana, hija de mi padre, mas no hija de mi madre, y toméla por mujer.
Y fué que, cuando Dios me hizo salir errante de la casa de mi padre, yo le dije: Esta es la merced que tú me harás, que en todos los lugares donde llegáremos, digas de mí: Mi hermano es.
Entonces Abimelech tomó ovejas y vacas, y siervos y siervas, y diólo á Abraham, y devolvióle á Sara su mujer.
Y dijo Abimelech: He aquí mi tierra está delante de ti, habita donde bien te pareciere.
Y á Sara dijo: He aquí he dado mil monedas de plata á tu hermano; mira que él te es por velo de ojos para todos los que están contigo, y para con todos: así fué reprendida.
Entonces Abraham oró á Dios; y Dios sanó á Abimelech y á su mujer, y á sus siervas, y parieron.
Porque había del todo cerrado Jehová toda matriz de la casa de Abimelech, á causa de Sara mujer de Abraham.
Y ACONTECIÓ después de estas cosas, que el copero del rey de Egipto y el panadero delinquieron contra su señor el rey de Egipto.
Y enojóse Faraón contra sus dos eunucos, contra el principal de los coperos, y contra el principal de los panaderos:
Y púsolos en prisión en la casa del capitán de los de la guardia, en la casa de la cárcel donde José estaba preso.
Y el capitán de los de la guardia dió cargo de ellos á José, y él les servía: y estuvieron días en la prisión.
Y ambos á dos, el copero y el panadero del rey de Egipto, que estaban arrestados en la prisión, vieron un sueño, cada uno su sueño en una misma noche, cada uno conforme á la declaración de su sueño.
Y vino á ellos José por la mañana, y mirólos, y he aquí que estaban tristes.
Y él preguntó á aquellos eunucos de Faraón, que estaban con él en la prisión de la casa de su señor, diciendo: ¿Por qué parecen hoy mal vuestros semblantes?
Y ellos le dijeron: Hemos tenido un sueño, y no hay quien lo declare. Entonces les dijo José: ¿No son de Dios las declaraciones? Contádmelo ahora.
Entonces el principal de los coperos contó su sueño á José, y díjole: Yo soñaba que veía una vid delante de mí,
Y en la vid tres sarmientos; y ella como que brotaba, y arrojaba su flor, viniendo á madurar sus racimos de uvas:
Y que la copa de Faraón estaba en mi mano, y tomaba yo las uvas, y las exprimía en la copa de Faraón, y daba yo la copa en mano de Faraón.
Y díjole José: Esta es su declaración: Los tres sarmientos son tres días:
Al cabo de tres días Faraón te hará levantar cabeza, y te restituirá á tu puesto: y darás la copa á Faraón en su mano, como solías cuando eras su copero.
Acuérdate, pues, de mí para contigo cuando tuvieres ese bien, y ruégote que uses conmigo de misericordia, y hagas mención de mí á Faraón, y me saques de esta casa:
Porque hurtado he sido de la tierra de los Hebreos; y tampoco he hecho aquí porqué me hubiesen de poner en la cárcel.
Y viendo el principal de los panaderos que había declarado para bien, dijo á José: También yo soñaba que veía tres canastillos blancos sobre mi cabeza;
Y en el canastillo más alto había de todas las viandas de Faraón, obra de panadero; y que las aves las comían del canastillo de sobre mi cabeza.
Entonces respondió José, y dijo: Esta es su declaración: Los tres canastillos tres días son;
Al cabo de tres días quitará Faraón tu cabeza de sobre ti, y te hará colgar en la horca, y las aves comerán tu carne de sobre ti.
Y fué el tercero día el día del nacimiento de Faraón, é hizo banquete á todos sus sirvientes: y alzó la cabeza del principal de los coperos, y la cabeza del principal de los panaderos, entre sus servidores.
E hizo volver á su oficio al principal de los coperos; y dió él la copa en mano de Faraón.
Mas hizo ahorcar al principal de los panaderos, como le había declarado José.
Y el principal de los coperos no se acordó de José, sino que le olvidó.
Y JEHOVÁ dijo á Moisés: Entra á Faraón; porque yo he agravado su corazón, y el corazón de sus siervos, para dar entre ellos estas mis señales;
Y para que cuentes á tus hijos y á tus nietos las cosas que yo hice en Egipto, y mis señales que dí entre ellos; y para que sepáis que yo soy Jehová.
Entonces vinieron Moisés y Aarón á Faraón, y le dijeron: Jehová, el Dios de los Hebreos, ha dicho así: ¿Hasta cuándo no querrás humillarte delante de mí? Deja ir á mi pueblo para que me sirvan.
Y si aun rehusas dejarlo ir, he aquí que yo traeré mañana langosta en tus términos,
La cual cubrirá la faz de la tierra, de modo que no pueda verse la tierra; y ella comerá lo que quedó salvo, lo que os ha quedado del granizo; comerá asimismo todo árbol que os produce fruto en el campo:
Y llenarse han tus casas, y las casas de todos tus siervos, y las casas de todos los Egipcios, cual nunca vieron tus padres ni tus abuelos, desde que ellos fueron sobre la tierra hasta hoy. Y volvióse, y salió de con Faraón.
Entonces los siervos de Faraón le dijeron: ¿Hasta cuándo nos ha de ser éste por lazo? Deja ir á estos hombres, para que sirvan á Jehová su Dios; ¿aun no sabes que Egipto está destruído?
Y Moisés y Aarón volvieron á ser llamados á Faraón, el cual les dijo: Andad, servid á Jehová vuestro Dios. ¿Quién y quién son los que han de ir?
Y Moisés respondió: Hemos de ir con nuestros niños y con nuestros viejos, con nuestros hijos y con nuestras hijas: con nuestras ovejas y con nuestras vacas hemos de ir; porque tenemos solemnidad de Jehová.
Y él les dijo: Así sea Jehová con vosotros como yo os dejaré ir á vosotros y á vuestros niños: mirad como el mal está delante de vuestro rostro.
No será así: id ahora vosotros los varones, y servid á Jehová: pues esto es lo que vosotros demandasteis. Y echáronlos de delante de Faraón.
Entonces Jehová dijo á Moisés: Extiende tu mano sobre la tierra de Egipto para langosta, á fin de que suba sobre el país de Egipto, y consuma todo lo que el granizo dejó.
Y extendió Moisés su vara sobre la tierra de Egipto, y Jehová trajo un viento oriental sobre el país todo aquel día y toda aquella noche; y á la mañana el viento oriental trajo la langosta:
Y subió la langosta sobre toda la tierra de Egipto, y asentóse en todos los términos de Egipto, en gran manera grave: antes de ella no hubo langosta semejante, ni después de ella vendrá otra tal;
Y cubrió la faz de todo el país, y oscurecióse la tierra; y consumió toda la hierba de la tierra, y todo el fruto de los árboles que había dejado el granizo; que no quedó cosa verde en árboles ni en hierba del campo, por toda la tierra de Egipto.
Entonces Faraón hizo llamar apriesa á Moisés y á Aarón, y dijo: He pecado contra Jehová vuestro Dios, y contra vosotros.
Mas ruego ahora que perdones mi pecado solamente esta vez, y que oréis á Jehová vuestro Dios que quite de mí solamente esta muerte.
Y salió de con Faraón, y oró á Jehová.
Y Jehová volvió un viento occidental fortísimo, y quitó la langosta, y arrojóla en el mar Bermejo: ni una langosta quedó en todo el término de Egipto.
Mas Jehová endureció el corazón de Faraón; y no envió los hijos de Israel.
Y Jehová dijo á Moisés: Extiende tu mano hacia el cielo, para que haya tinieblas sobre la tierra de Egipto, tales que cualquiera las palpe.
Y extendió Moisés su mano hacia el cielo, y hubo densas tinieblas tres días por toda la tierra de Egipto.
Ninguno vió á su prójimo, ni nadie se levantó de su lugar en tres días; mas todos los hijos de Israel tenían luz en sus habitaciones.
Entonces Faraón hizo llamar á Moisés, y dijo: Id, servid á Jehová; solamente queden vuestras ovejas y vuestras vacas: vayan también vuestros niños con vosotros.
Y Moisés respondió: Tú también nos entregarás sacrificios y holocaustos que sacrifiquemos á Jehová nuestro Dios.
Nuestros ganados irán también con nosotros; no quedará ni una uña; porque de ellos hemos de tomar para servir á Jehová nuestro Dios; y no sabemos con qué hemos de servir á Jehová, hasta que lleguemos allá.
Mas Jehová endureció el corazón de Faraón, y no quiso dejarlos ir.
Y díjole Faraón: Retírate de mí: guárdate que no veas más mi rostro, porque en cualquier día que vieres mi rostro, morirás.
Y Moisés respondió: Bien has dicho; no veré más tu rostro.
HARÁS asimismo un altar de sahumerio de perfume: de madera de Sittim lo harás.
Su longitud será de un codo, y su anchura de un codo: será cuadrado: y su altura de dos codos: y sus cuernos serán de lo mismo.
Y cubrirlo has de oro puro, su techado, y sus paredes en derredor, y sus cuernos: y le harás en derredor una corona de oro.
Le harás también dos anillos de oro debajo de su corona á sus dos esquinas en ambos lados suyos, para meter los varales con que será llevado.
Y harás los varales de madera de Sittim, y los cubrirás de oro.
Y lo pondrás delante del velo que está junto al arca del testimonio, delante de la cubierta que está sobre el testimonio, donde yo te testificaré de mí.
Y quemará sobre él Aarón sahumerio de aroma cada mañana: cuando aderezare las lámparas lo quemará.
Y cuando Aarón encenderá las lámparas al anochecer, quemará el sahumerio: rito perpetuo delante de Jehová por vuestras edades.
No ofreceréis sobre él sahumerio extraño, ni holocausto, ni presente; ni tampoco derramaréis sobre él libación.
Y sobre sus cuernos hará Aarón expiación una vez en el año con la sangre de la expiación para las reconciliaciones: una vez en el año hará expiación sobre él en vuestras edades: será muy santo á Jehová.
Y habló Jehová á Moisés, diciendo:
Cuando tomares el número de los hijos de Israel conforme á la cuenta de ellos, cada uno dará á Jehová el rescate de su persona, cuando los contares, y no habrá en ellos mortandad por haberlos contado.
Esto dará cualquiera que pasare por la cuenta, medio siclo conforme al siclo del santuario. El siclo es de veinte óbolos: la mitad de un siclo será la ofrenda á Jehová.
Cualquiera que pasare por la cuenta, de veinte años arriba, dará la ofrenda á Jehová.
Ni el rico aumentará, ni el pobre disminuirá de medio siclo, cuando dieren la ofrenda á Jehová para hacer expiación por vuestras personas.
Y tomarás de los hijos de Israel el dinero de las expiaciones, y lo darás para la obra del tabernáculo del testimonio: y será por memoria á los hijos de Israel delante de Jehová, para expiar vuestras personas.
Habló más Jehová á Moisés, diciendo:
Harás también una fuente de metal, con su basa de metal, para lavar; y la has de poner entre el tabernáculo del testimonio y el altar; y pondrás en ella agua.
Y de ella se lavarán Aarón y sus hijos sus manos y sus pies:
Cuando entraren en el tabernáculo del testimonio, se han de lavar con agua, y no morirán: y cuando se llegaren al altar para ministrar, para encender á Jehová la ofrenda que se ha de consumir al fuego,
También se lavarán las manos y los pies, y no morirán. Y lo tendrán por estatuto perpetuo él y su simiente por sus generaciones.
Habló más Jehová á Moisés, diciendo:
Y tú has de tomar de las principales drogas; de mirra excelente quinientos siclos, y de canela aromática la mitad, esto es, doscientos y cincuenta, y de cálamo aromático doscientos y cincuenta,
Y de casia quinientos, al peso del santuario, y de aceite de olivas un hin:
Y harás de ello el aceite de la santa unción, superior ungüento, obra de perfumador, el cual será el aceite de la unción sagrada.
Con él ungirás el tabernáculo del testimonio, y el arca del testimonio,
Y la mesa, y todos sus vasos, y el candelero, y todos sus vasos, y el altar del perfume,
Y el altar del holocausto, todos sus vasos, y la fuente y su basa.
Así los consagrarás, y serán cosas santísimas: todo lo que tocare en ellos, será santificado.
Ungirás también á Aarón y á sus hijos, y los consagrarás para que sean mis sacerdotes.
Y hablarás á los hijos de Israel, diciendo: Este será mi aceite de la santa unción por vuestras edades.
Sobre carne de hombre no será untado, ni haréis otro semejante, conforme á su composición: santo es; por santo habéis de tenerlo vosotros.
Cualquiera que compusiere ungüento semejante, y que pusiere de él sobre extraño, será cortado de sus pueblos.
Dijo aún Jehová á Moisés: Tómate aromas, estacte y uña olorosa y gálbano aromático é incienso limpio; de todo en igual peso:
Y harás de ello una confección aromática de obra de perfumador, bien mezclada, pura y santa:
Y molerás alguna de ella pulverizándola, y la pondrás delante del testimonio en el tabernáculo del testimonio, donde yo te testificaré de mí. Os será cosa santísima.
Como la confección que harás, no os haréis otra según su composición: te será cosa sagrada para Jehová.
Cualquiera que hiciere otra como ella para olerla, será cortado de sus pueblos.
Y LOS hijos de Aarón, Nadab y Abiú, tomaron cada uno su incensario, y pusieron fuego en ellos, sobre el cual pusieron perfume, y ofrecieron delante de Jehová fuego extraño, que él nunca les mandó.
Y salió fuego de delante de Jehová que los quemó, y murieron delante de Jehová.
Entonces dijo Moisés á Aarón: Esto es lo que habló Jehová, diciendo: En mis allegados me santificaré, y en presencia de todo el pueblo seré glorificado. Y Aarón calló.
Y llamó Moisés á Misael, y á Elzaphán, hijos de Uzziel, tío de Aarón, y díjoles: Llegaos y sacad á vuestros hermanos de delante del santuario fuera del campo.
Y ellos llegaron, y sacáronlos con sus túnicas fuera del campo, como dijo Moisés.
Entonces Moisés dijo á Aarón, y á Eleazar y á Ithamar, sus hijos: No descubráis vuestras cabezas, ni rasguéis vuestros vestidos, porque no muráis, ni se levante la ira sobre toda la congregación: empero vuestros hermanos, toda la casa de Israel, lamentarán el incendio que Jehová ha hecho.
Ni saldréis de la puerta del tabernáculo del testimonio, porque moriréis; por cuanto el aceite de la unción de Jehová está sobre vosotros. Y ellos hicieron conforme al dicho de Moisés.
Y Jehová habló á Aarón, diciendo:
Tú, y tus hijos contigo, no beberéis vino ni sidra, cuando hubiereis de entrar en el tabernáculo del testimonio, porque no muráis: estatuto perpetuo por vuestras generaciones;
Y para poder discernir entre lo santo y lo profano, y entre lo inmundo y lo limpio;
Y para enseñar á los hijos de Israel todos los estatutos que Jehová les ha dicho por medio de Moisés.
Y Moisés dijo á Aarón, y á Eleazar y á Ithamar, sus hijos que habían quedado: Tomad el presente que queda de las ofrendas encendidas á Jehová, y comedlo sin levadura junto al altar, porque es cosa muy santa.
Habéis, pues, de comerlo en el lugar santo: porque esto es fuero para ti, y fuero para tus hijos, de las ofrendas encendidas á Jehová, pues que así me ha sido mandado.
Comeréis asimismo en lugar limpio, tú y tus hijos y tus hijas contigo, el pecho de la mecida, y la espaldilla elevada, porque por fuero para ti, y fuero para tus hijos, son dados de los sacrificios de las paces de los hijos de Israel.
Con las ofrendas de los sebos que se han de encender, traerán la espaldilla que se ha de elevar, y el pecho que será mecido, para que lo mezas por ofrenda agitada delante de Jehová: y será por fuero perpetuo tuyo, y de tus hijos contigo, como Jehová lo ha mandado.
Y Moisés demandó el macho cabrío de la expiación, y hallóse que era quemado: y enojóse contra Eleazar é Ithamar, los hijos de Aarón que habían quedado, diciendo:
¿Por qué no comisteis la expiación en el lugar santo? porque es muy santa, y dióla él á vosotros para llevar la iniquidad de la congregación, para que sean reconciliados delante de Jehová.
Veis que su sangre no fué metida dentro del santuario: habíais de comerla en el lugar santo, como yo mandé.
Y respondió Aarón á Moisés: He aquí hoy han ofrecido su expiación y su holocausto delante de Jehová: pero me han acontecido estas cosas: pues si comiera yo hoy de la expiación, ¿hubiera sido acepto á Jehová?
Y cuando Moisés oyó esto, dióse por satisfecho.
Y ESTAS son las generaciones de Aarón y de Moisés, desde que Jehová habló á Moisés en el monte de Sinaí.
Y estos son los nombres de los hijos de Aarón: Nadab el primogénito, y Abiú, Eleazar, é Ithamar.
Estos son los nombres de los hijos de Aarón, sacerdotes ungidos; cuyas manos él hinchió para administrar el sacerdocio.
Mas Nadab y Abiú murieron delante de Jehová, cuando ofrecieron fuego extraño delante de Jehová, en el desierto de Sinaí: y no tuvieron hijos: y Eleazar é Ithamar ejercieron el sacerdocio delante de Aarón su padre.
Y Jehová habló á Moisés, diciendo:
Haz llegar á la tribu de Leví, y hazla estar delante del sacerdote Aarón, para que le ministren;
Y desempeñen su cargo, y el cargo de toda la congregación delante del tabernáculo del testimonio, para servir en el ministerio del tabernáculo;
Y guarden todas las alhajas del tabernáculo del testimonio, y lo encargado á ellos de los hijos de Israel, y ministren en el servicio del tabernáculo.
Y darás los Levitas á Aarón y á sus hijos: le son enteramente dados de entre los hijos de Israel.
Y constituirás á Aarón y á sus hijos, para que ejerzan su sacerdocio: y el extraño que se llegare, morirá.
Y habló Jehová á Moisés, diciendo:
Y he aquí yo he tomado los Levitas de entre los hijos de Israel en lugar de todos los primogénitos que abren la matriz entre los hijos de Israel; serán pues míos los Levitas:
Porque mío es todo primogénito; desde el día que yo maté todos los primogénitos en la tierra de Egipto, yo santifiqué á mí todos los primogénitos en Israel, así de hombres como de animales: míos serán: Yo Jehová.
Y Jehová habló á Moisés en el desierto de Sinaí, diciendo:
Cuenta los hijos de Leví por las casas de sus padres, por sus familias: contarás todos los varones de un mes arriba.
Y Moisés los contó conforme á la palabra de Jehová, como le fué mandado.
Y los hijos de Leví fueron estos por sus nombres: Gersón, y Coath, y Merari.
Y los nombres de los hijos de Gersón, por sus familias, estos: Libni, y Simei.
Y los hijos de Coath, por sus familias: Amram, é Izhar, y Hebrón, y Uzziel.
Y los hijos de Merari, por sus familias: Mahali, y Musi. Estas, las familias de Leví, por las casas de sus padres.
De Gersón, la familia de Libni y la de Simei: estas son las familias de Gersón.
Los contados de ellos conforme á la cuenta de todos los varones de un mes arriba, los contados de ellos, siete mil y quinientos.
Las familias de Gersón asentarán sus tiendas á espaldas del tabernáculo, al occidente;
Y el jefe de la casa del padre de los Gersonitas, Eliasaph hijo de Lael.
A cargo de los hijos de Gersón, en el tabernáculo del testimonio, estará el tabernáculo, y la tienda, y su cubierta, y el pabellón de la puerta del tabernáculo del testimonio,
Y las cortinas del atrio, y el pabellón de la puerta del atrio, que está junto al tabernáculo y junto al altar alrededor; asimismo sus cuerdas para todo su servicio.
Y de Coath, la familia Amramítica, y la familia Izeharítica, y la familia Hebronítica, y la familia Ozielítica: estas son las familias Coathitas.
Por la cuenta de todos los varones de un mes arriba, eran ocho mil y seiscientos, que tenían la guarda del santuario.
Las familias de los hijos de Coath acamparán al lado del tabernáculo, al mediodía;
Y el jefe de la casa del padre de las familias de Coath, Elisaphán hijo de Uzziel.
Y á cargo de ellos estará el arca, y la mesa, y el candelero, y los altares, y los vasos del santuario con que ministran, y el velo, con todo su servicio.
Y el principal de los jefes de los Levitas será Eleazar, hijo de Aarón el sacerdote, prepósito de los que tienen la guarda del santuario.
De Merari, la familia Mahalítica, y la familia Musítica: estas son las familias de Merari.
Y los contados de ellos conforme á la cuenta de todos los varones de un mes arriba, fueron seis mil y doscientos.
Y el jefe de la casa del padre de las familias de Merari, Suriel hijo de Abihail: acamparán al lado del tabernáculo, al aquilón.
Y á cargo de los hijos de Merari estará la custodia de las tablas del tabernáculo, y sus barras, y sus columnas, y sus basas, y todos sus enseres, con todo su servicio:
Y las columnas en derredor del atrio, y sus basas, y sus estacas, y sus cuerdas.
Y los que acamparán delante del tabernáculo al oriente, delante del tabernáculo del testimonio al levante, serán Moisés, y Aarón y sus hijos, teniendo la guarda del santuario en lugar de los hijos de Israel: y el extraño que se acercare, morirá.
Todos los contados de los Levitas, que Moisés y Aarón conforme á la palabra de Jehová contaron por sus familias, todos los varones de un mes arriba, fueron veinte y dos mil.
Y Jehová dijo á Moisés: Cuenta todos los primogénitos varones de los hijos de Israel de un mes arriba, y toma la cuenta de los nombres de ellos.
Y tomarás los Levitas para mí, yo Jehová, en lugar de todos los primogénitos de los hijos de Israel: y los animales de los Levitas en lugar de todos los primogénitos de los animales de los hijos de Israel.
Y contó Moisés, como Jehová le mandó, todos los primogénitos de los hijos de Israel.
Y todos los primogénitos varones, conforme á la cuenta de los nombres, de un mes arriba, los contados de ellos fueron veinte y dos mil doscientos setenta y tres.
Y habló Jehová á Moisés, diciendo:
Toma los Levitas en lugar de todos los primogénitos de los hijos de Israel, y los animales de los Levitas en lugar de sus animales; y los Levitas serán míos: Yo Jehová.
Y por los rescates de los doscientos y setenta y tres, que sobrepujan á los Levitas los primogénitos de los hijos de Israel,
Tomarás cinco siclos por cabeza; conforme al siclo del santuario tomarás: el siclo tiene veinte óbolos:
Y darás á Aarón y á sus hijos el dinero por los rescates de los que de ellos sobran.
Tomó, pues, Moisés el dinero del rescate de los que resultaron de más de los redimidos por los Levitas:
Y recibió de los primogénitos de los hijos de Israel en dinero, mil trescientos sesenta y cinco siclos, conforme al siclo del santuario.
Y Moisés dió el dinero de los rescates á Aarón y á sus hijos, conforme al dicho de Jehová, según que Jehová había mandado á Moisés.
Y BALAAM dijo á Balac: Edifícame aquí siete altares, y prepárame aquí siete becerros y siete carneros.
Y Balac hizo como le dijo Balaam: y ofrecieron Balac y Balaam un becerro y un carnero en cada altar.
Y Balaam dijo á Balac: Ponte junto á tu holocausto, y yo iré: quizá Jehová me vendrá al encuentro, y cualquiera cosa que me mostrare, te la noticiaré. Y así se fué solo.
Y vino Dios al encuentro de Balaam, y éstele dijo: Siete altares he ordenado, y en cada altar he ofrecido un becerro y un carnero.
Y Jehová puso palabra en la boca de Balaam, y díjole: Vuelve á Balac, y has de hablar así.
Y volvió á él, y he aquí estaba él junto á su holocausto, él y todos los príncipes de Moab.
Y él tomó su parábola, y dijo: De Aram me trajo Balac, rey de Moab, de los montes del oriente: ven, maldíceme á Jacob; y ven, execra á Israel.
¿Por qué maldeciré yo al que Dios no maldijo? ¿y por qué he de execrar al que Jehová no ha execrado?
Porque de la cumbre de las peñas lo veré, y desde los collados lo miraré: he aquí un pueblo que habitará confiado, y no será contado entre las gentes.
¿Quién contará el polvo de Jacob, o el número de la cuarta parte de Israel? Muera mi persona de la muerte de los rectos, y mi postrimería sea como la suya.
Entonces Balac dijo á Balaam: ¿Qué me has hecho? hete tomado para que maldigas á mis enemigos, y he aquí has proferido bendiciones.
Y él respondió, y dijo: ¿No observaré yo lo que Jehová pusiere en mi boca para decirlo?
Y dijo Balac: Ruégote que vengas conmigo á otro lugar desde el cual lo veas; su extremidad solamente verás, que no lo verás todo; y desde allí me lo maldecirás.
Y llevólo al campo de Sophim, á la cumbre de Pisga, y edificó siete altares, y ofreció un becerro y un carnero en cada altar.
Entonces él dijo á Balac: Ponte aquí junto á tu holocausto, y yo iré á encontrar á Dios allí.
Y Jehová salió al encuentro de Balaam, y puso palabra en su boca, y díjole: Vuelve á Balac, y así has de decir.
Y vino á él, y he aquí que él estaba junto á su holocausto, y con él los príncipes de Moab: y díjole Balac: ¿Qué ha dicho Jehová?
Entonces él tomó su parábola, y dijo: Balac, levántate y oye; escucha mis palabras, hijo de Zippor:
Dios no es hombre, para que mienta; ni hijo de hombre para que se arrepienta: el dijo, ¿y no hará?; habló, ¿y no lo ejecutará?
He aquí, yo he tomado bendición: y él bendijo, y no podré revocarla.
No ha notado iniquidad en Jacob, ni ha visto perversidad en Israel: Jehová su Dios es con él, y júbilo de rey en él.
Dios los ha sacado de Egipto; tiene fuerzas como de unicornio.
Porque en Jacob no hay agüero, ni adivinación en Israel: como ahora, será dicho de Jacob y de Israel: ¡Lo que ha hecho Dios!
He aquí el pueblo, que como león se levantará, y como león se erguirá: no se echará hasta que coma la presa, y beba la sangre de los muertos.
Entonces Balac dijo á Balaam: Ya que no lo maldices, ni tampoco lo bendigas.
Y Balaam respondió, y dijo á Balac: ¿No te he dicho que todo lo que Jehová me dijere, aquello tengo de hacer?
Y dijo Balac á Balaam: Ruégote que vengas, te llevaré á otro lugar; por ventura parecerá bien á Dios que desde allí me lo maldigas.
Y Balac llevó á Balaam á la cumbre de Peor, que mira hacia Jesimón.
Entonces Balaam dijo á Balac: Edifícame aquí siete altares, y prepárame aquí siete becerros y siete carneros.
Y Balac hizo como Balaam le dijo; y ofreció un becerro y un carnero en cada altar.
CUANDO Jehová tu Dios te hubiere introducido en la tierra en la cual tú has de entrar para poseerla, y hubiere echado de delante de ti muchas gentes, al Hetheo, al Gergeseo, y al Amorrheo, y al Cananeo, y al Pherezeo, y al Heveo, y al Jebuseo, siete naciones mayores y más fuertes que tú;
Y Jehová tu Dios las hubiere entregado delante de ti, y las hirieres, del todo las destruirás: no harás con ellos alianza, ni las tomarás á merced.
Y no emparentarás con ellos: no darás tu hija á su hijo, ni tomarás á su hija para tu hijo.
Porque desviará á tu hijo de en pos de mí, y servirán á dioses ajenos; y el furor de Jehová se encenderá sobre vosotros, y te destruirá presto.
Mas así habéis de hacer con ellos: sus altares destruiréis, y quebraréis sus estatuas, y cortaréis sus bosques, y quemaréis sus esculturas en el fuego.
Porque tú eres pueblo santo á Jehová tu Dios: Jehová tu Dios te ha escogido para serle un pueblo especial, más que todos los pueblos que están sobre la haz de la tierra.
No por ser vosotros más que todos los pueblos os ha querido Jehová, y os ha escogido; porque vosotros erais los más pocos de todos los pueblos:
Sino porque Jehová os amó, y quiso guardar el juramento que juró á vuestros padres, os ha sacado Jehová con mano fuerte, y os ha rescatado de casa de siervos, de la mano de Faraón, rey de Egipto.
Conoce, pues, que Jehová tu Dios es Dios, Dios fiel, que guarda el pacto y la misericordia á los que le aman y guardan sus mandamientos, hasta las mil generaciones;
Y que da el pago en su cara al que le aborrece, destruyéndolo: ni lo dilatará al que le odia, en su cara le dará el pago.
Guarda por tanto los mandamientos, y estatutos, y derechos que yo te mando hoy que cumplas.
Y será que, por haber oído estos derechos, y guardado y puéstolos por obra, Jehová tu Dios guardará contigo el pacto y la misericordia que juró á tus padres;
Y te amará, y te bendecirá, y te multiplicará, y bendecirá el fruto de tu vientre, y el fruto de tu tierra, y tu grano, y tu mosto, y tu aceite, la cría de tus vacas, y los rebaños de tus ovejas, en la tierra que juró á tus padres que te daría.
Bendito serás más que todos los pueblos: no habrá en ti varón ni hembra estéril, ni en tus bestias.
Y quitará Jehová de ti toda enfermedad; y todas las malas plagas de Egipto, que tú sabes, no las pondrá sobre ti, antes las pondrá sobre todos los que te aborrecieren.
Y consumirás á todos los pueblos que te da Jehová tu Dios: no los perdonará tu ojo; ni servirás á sus dioses, que te será tropiezo.
Cuando dijeres en tu corazón: Estas gentes son muchas más que yo, ¿cómo las podré desarraigar?;
No tengas temor de ellos: acuérdate bien de lo que hizo Jehová tu Dios con Faraón y con todo Egipto;
De las grandes pruebas que vieron tus ojos, y de las señales y milagros, y de la mano fuerte y brazo extendido con que Jehová tu Dios te sacó: así hará Jehová tu Dios con todos los pueblos de cuya presencia tú temieres.
Y también enviará Jehová tu Dios sobre ellos avispas, hasta que perezcan los que quedaren, y los que se hubieren escondido de delante de ti.
No desmayes delante de ellos, que Jehová tu Dios está en medio de ti, Dios grande y terrible.
Y Jehová tu Dios echará á estas gentes de delante de ti poco á poco: no las podrás acabar luego, porque las bestias del campo no se aumenten contra ti.
Mas Jehová tu Dios las entregará delante de ti, y él las quebrantará con grande destrozo, hasta que sean destruídos.
Y él entregará sus reyes en tu mano, y tú destruirás el nombre de ellos de debajo del cielo: nadie te hará frente hasta que los destruyas.
Las esculturas de sus dioses quemarás en el fuego: no codiciarás plata ni oro de sobre ellas para tomarlo para ti, porque no tropieces en ello, pues es abominación á Jehová tu Dios;
Y no meterás abominación en tu casa, porque no seas anatema como ello; del todo lo aborrecerás y lo abominarás; porque es anatema.
Y MANDÓ Moisés, con los ancianos de Israel, al pueblo, diciendo: Guardaréis todos los mandamientos que yo prescribo hoy.
Y será que, el día que pasareis el Jordán á la tierra que Jehová tu Dios te da, te has de levantar piedras grandes, las cuales revocarás con cal:
Y escribirás en ellas todas las palabras de esta ley, cuando hubieres pasado para entrar en la tierra que Jehová tu Dios te da, tierra que fluye leche y miel, como Jehová el Dios de tus padres te ha dicho.
Será pues, cuando hubieres pasado el Jordán, que levantaréis estas piedras que yo os mando hoy, en el monte de Ebal, y las revocarás con cal:
Y edificarás allí altar á Jehová tu Dios, altar de piedras: no alzarás sobre ellas hierro.
De piedras enteras edificarás el altar de Jehová tu Dios; y ofrecerás sobre él holocausto á Jehová tu Dios;
Y sacrificarás pacíficos, y comerás allí; y alegrarte has delante de Jehová tu Dios.
Y escribirás en las piedras todas las palabras de esta ley muy claramente.
Y Moisés, con los sacerdotes Levitas, habló á todo Israel, diciendo: Atiende y escucha, Israel: hoy eres hecho pueblo de Jehová tu Dios.
Oirás pues la voz de Jehová tu Dios, y cumplirás sus mandamientos y sus estatutos, que yo te ordeno hoy.
Y mandó Moisés al pueblo en aquel día, diciendo:
Estos estarán sobre el monte de Gerizim para bendecir al pueblo, cuando hubiereis pasado el Jordán: Simeón, y Leví, y Judá, é Issachâr, y José, y Benjamín.
Y estos estarán para pronunciar la maldición en el de Ebal: Rubén, Gad, y Aser, y Zabulón, Dan, y Nephtalí.
Y hablarán los Levitas, y dirán á todo varón de Israel en alta voz:
Maldito el hombre que hiciere escultura ó imagen de fundición, abominación á Jehová, obra de mano de artífice, y la pusiere en oculto. Y todo el pueblo responderá y dirá: Amén.
Maldito el que deshonrare á su padre ó á su madre. Y dirá todo el pueblo: Amén.
Maldito el que redujere el término de su prójimo. Y dirá todo el pueblo: Amén.
Maldito el que hiciere errar al ciego en el camino. Y dirá todo el pueblo: Amén.
Maldito el que torciere el derecho del extranjero, del huérfano, y de la viuda. Y dirá todo el pueblo: Amén.
Maldito el que se echare con la mujer de su padre; por cuanto descubrió el regazo de su padre. Y dirá todo el pueblo: Amén.
Maldito el que tuviere parte con cualquiera bestia. Y dirá todo el pueblo: Amén.
Maldito el que se echare con su hermana, hija de su padre, ó hija de su madre. Y dirá todo el pueblo: Amén.
Maldito el que se echare con su suegra. Y dirá todo el pueblo: Amén.
Maldito el que hiriere á su prójimo ocultamente. Y dirá todo el pueblo: Amén.
Maldito el que recibiere don para herir de muerte al inocente. Y dirá todo el pueblo: Amén.
Maldito el que no confirmare las palabras de esta ley para cumplirlas. Y dirá todo el pueblo: Amén.
Y SIENDO Josué ya viejo, entrado en días, Jehová le dijo: Tú eres ya viejo, de edad avanzada, y queda aún muy mucha tierra por poseer.
Esta es la tierra que queda: todos los términos de los Philisteos, y toda Gessuri;
Desde Sihor, que está delante de Egipto, hasta el término de Accarón al norte, repútase de los Cananeos: cinco provincias de los Philisteos; los Gazeos, Asdodios, Ascalonitas, Getheos, y Accaronitas; y los Heveos;
Al mediodía toda la tierra de los Cananeos, y Mehara que es de los Sidonios, hasta Aphec, hasta el término del Amorrheo;
Y la tierra de los Gibleos, y todo el Líbano hacia donde sale el sol, desde Baal-gad á las raíces del monte Hermón, hasta entrar en Hamath;
Todos los que habitan en las montañas desde el Líbano hasta las aguas calientes, todos los Sidonios; yo los desarraigaré delante de lo hijos de Israel: solamente repartirás tú por suerte el país á los Israelitas por heredad, como te he mandado.
Parte, pues, tú ahora esta tierra en heredad á las nueve tribus, y á la media tribu de Manasés.
Porque la otra media recibió su heredad con los Rubenitas y Gaditas, la cual les dió Moisés de la otra parte del Jordán al oriente, según que se la dió Moisés siervo de Jehová:
Desde Aroer, que está á la orilla del arroyo de Arnón, y la ciudad que está en medio del arroyo, y toda la campiña de Medeba, hasta Dibón;
Y todas las ciudades de Sehón rey de los Amorrheos, el cual reinó en Hesbón, hasta los términos de los hijos de Ammón;
Y Galaad, y los términos de Gessuri y de Maachâti, y todo el monte de Hermón, y toda la tierra de Basán hasta Salchâ:
Todo el reino de Og en Basán, el cual reinó en Astaroth y Edrei, el cual había quedado del residuo de los Rapheos; pues Moisés los hirió, y echó.
Mas á los de Gessuri y Maachâti no echaron los hijos de Israel; antes Gessur y Maachât habitaron entre los Israelitas hasta hoy.
Empero á la tribu de Leví no dió heredad: los sacrificios de Jehová Dios de Israel son su heredad, como él les había dicho.
Dió, pues, Moisés á la tribu de los hijos de Rubén conforme á sus familias:
Y fué el término de ellos desde Aroer, que está á la orilla del arroyo de Arnón, y la ciudad que está en medio del arroyo, y toda la campiña, hasta Medeba;
Hesbón, con todas sus villas que están en la llanura; Dibón, y Bamoth-baal, y Beth-baal-meón;
Y Jaas, y Keddemoth, y Mephaath,
Y Chîriataim, y Sibma, y Zerethshahar en el monte del valle;
Y Beth-peor, y Asdoth-pisga, y Beth-jesimoth;
Y todas las ciudades de la campiña, y todo el reino de Sehón rey de los Amorrheos, que reinó en Hesbón, al cual hirió Moisés, y á los príncipes de Madián, Hevi, Recem, y Sur, y Hur, y Reba, príncipes de Sehón que habitaban en aquella tierra.
También mataron á cuchillo los hijos de Israel á Balaam adivino, hijo de Beor, con los demás que mataron.
Y fueron los términos de los hijos de Rubén el Jordán con su término. Esta fué la herencia de los hijos de Rubén conforme á sus familias, estas ciudades con sus villas.
Dió asimismo Moisés á la tribu de Gad, á los hijos de Gad, conforme á sus familias.
Y el término de ellos fué Jacer, y todas las ciudades de Galaad, y la mitad de la tierra de los hijos de Ammón hasta Aroer, que está delante de Rabba.
Y desde Hesbón hasta Ramathmispe, y Betonim; y desde Mahanaim hasta el término de Debir:
Y la campiña de Beth-aram, y Beth-nimra, y Sucoth, y Saphón, resto del reino de Sehón, rey en Hesbón: el Jordán y su término hasta el cabo de la mar de Cinnereth de la otra parte del Jordán al oriente.
Esta es la herencia de los hijos de Gad, por sus familias, estas ciudades con sus villas.
También dió Moisés herencia á la media tribu de Manasés: y fué de la media tribu de los hijos de Manasés, conforme á sus familias.
El término de ellos fué desde Mahanaim, todo Basán, todo el reino de Og rey de Basán, y todas las aldeas de Jair que están en Basán, sesenta poblaciones.
Dióse además la mitad de Galaad, y Astaroth, y Edrei, ciudades del reino de Og en Basán, á los hijos de Machîr, hijo de Manasés, á la mitad de los hijos de Machîr conforme á sus familias.
Esto es lo que Moisés repartió en heredad en los llanos de Moab, de la otra parte del Jordán de Jericó, al oriente.
Mas á la tribu de Leví no dió Moisés heredad: Jehová Dios de Israel es la heredad de ellos como él les había dicho.
Y FUÉSE Abimelech hijo de Jerobaal á Sichêm, á los hermanos de su madre, y habló con ellos, y con toda la familia de la casa del padre de su madre, diciendo:
Yo os ruego que habléis á oídos de todos los de Sichêm: ¿Qué tenéis por mejor, que os señoreen setenta hombres, todos los hijos de Jerobaal; ó que os señoree un varón? Acordaos que yo soy hueso vuestro, y carne vuestra.
Y hablaron por él los hermanos de su madre á oídos de todos los de Sichêm todas estas palabras: y el corazón de ellos se inclinó en favor de Abimelech, porque decían: Nuestro hermano es.
Y diéronle setenta siclos de plata del templo de Baal-berith, con los cuales Abimelech alquiló hombres ociosos y vagabundos, que le siguieron.
Y viniendo á la casa de su padre en Ophra, mató á sus hermanos los hijos de Jerobaal, setenta varones, sobre una piedra: mas quedó Jotham, el más pequeño hijo de Jerobaal, que se escondió.
Y reunidos todos los de Sichêm con toda la casa de Millo, fueron y eligieron á Abimelech por rey, cerca de la llanura del pilar que estaba en Sichêm.
Y como se lo dijesen á Jotham, fué y púsose en la cumbre del monte de Gerizim, y alzando su voz clamó, y díjoles: Oidme, varones de Sichêm; que Dios os oiga.
Fueron los árboles á elegir rey sobre sí, y dijeron á la oliva: Reina sobre nosotros.
Mas la oliva respondió: ¿Tengo de dejar mi pingüe jugo, con el que por mi causa Dios y los hombres son honrados, por ir á ser grande sobre los árboles?
Y dijeron los árboles á la higuera: Anda tú, reina sobre nosotros.
Y respondió la higuera: ¿Tengo de dejar mi dulzura y mi buen fruto, por ir á ser grande sobre los árboles?
Dijeron luego los árboles á la vid: Pues ven tú, reina sobre nosotros.
Y la vid les respondió: ¿Tengo de dejar mi mosto, que alegra á Dios y á los hombres, por ir á ser grande sobre los árboles?
Dijeron entonces todos los árboles al escaramujo: Anda tú, reina sobre nosotros.
Y el escaramujo respondió á los árboles: Si en verdad me elegís por rey sobre vosotros, venid, y aseguraos debajo de mi sombra: y si no, fuego salga del escaramujo que devore los cedros del Líbano.
Ahora pues, si con verdad y con integridad habéis procedido en hacer rey á Abimelech, y si lo habéis hecho bien con Jerobaal y con su casa, y si le habéis pagado conforme á la obra de sus manos;
(Pues que mi padre peleó por vosotros, y echó lejos su vida por libraros de mano de Madián;
Y vosotros os levantasteis hoy contra la casa de mi padre, y matasteis sus hijos, setenta varones, sobre una piedra; y habéis puesto por rey sobre los de Sichêm á Abimelech, hijo de su criada, por cuanto es vuestro hermano:)
Si con verdad y con integridad habéis obrado hoy con Jerobaal y con su casa, que gocéis de Abimelech, y él goce de vosotros.
Y si no, fuego salga de Abimelech, que consuma á los de Sichêm y á la casa de Millo; y fuego salga de los de Sichêm y de la casa de Millo, que consuma á Abimelech.
Y huyó Jotham, y se fugó, y fuése á Beer, y allí se estuvo por causa de Abimelech su hermano.
Y después que Abimelech hubo dominado sobre Israel tres años,
Envió Dios un espíritu malo entre Abimelech y los hombres de Sichêm: que los de Sichêm se levantaron contra Abimelech:
Para que el agravio de los setenta hijos de Jerobaal, y la sangre de ellos, viniera á ponerse sobre Abimelech su hermano que los mató, y sobre los hombres de Sichêm que corroboraron las manos de él para matar á sus hermanos.
Y pusiéronle los de Sichêm asechadores en las cumbres de los montes, los cuales salteaban á todos los que pasaban junto á ellos por el camino; de lo que fué dado aviso á Abimelech.
Y Gaal hijo de Ebed vino con sus hermanos, y pasáronse á Sichêm: y los de Sichêm se confiaron en él.
Y saliendo al campo, vendimiaron sus viñas, y pisaron la uva, é hicieron alegrías; y entrando en el templo de sus dioses, comieron y bebieron, y maldijeron á Abimelech.
Y Gaal hijo de Ebed dijo: ¿Quién es Abimelech y qué es Sichêm, para que nosotros á él sirvamos? ¿no es hijo de Jerobaal? ¿y no es Zebul su asistente? Servid á los varones de Hemor padre de Sichêm: mas ¿por qué habíamos de servir á él?
Fuérame dado este pueblo bajo de mi mano, yo echaría luego á Abimelech. Y decía á Abimelech: Aumenta tus escuadrones, y sal.
Y Zebul asistente de la ciudad, oyendo las palabras de Gaal hijo de Ebed, encendióse su ira;
Y envió sagazmente mensajeros á Abimelech, diciendo: He aquí que Gaal hijo de Ebed y sus hermanos han venido á Sichêm, y he aquí, que han cercado la ciudad contra ti.
Levántate pues ahora de noche, tú y el pueblo que está contigo, y pon emboscada en el campo:
Y por la mañana al salir del sol te levantarás y acometerás la ciudad: y él y el pueblo que está con él saldrán contra ti, y tu harás con él según que se te ofrecerá.
Levantándose pues de noche Abimelech y todo el pueblo que con él estaba, pusieron emboscada contra Sichêm con cuatro compañías.
Y Gaal hijo de Ebed salió, y púsose á la entrada de la puerta de la ciudad: y Abimelech y todo el pueblo que con él estaba, se levantaron de la emboscada.
Y viendo Gaal el pueblo, dijo á Zebul: He allí pueblo que desciende de las cumbres de los montes. Y Zebul le respondió: La sombra de los montes te parece hombres.
Mas Gaal tornó á hablar, y dijo: He allí pueblo que desciende por medio de la tierra, y un escuadrón viene camino de la campiña de Meonenim.
Y Zebul le respondió: ¿Dónde está ahora aquel tu hablar, diciendo: Quién es Abimelech para que le sirvamos? ¿No es este el pueblo que tenías en poco? Sal pues ahora, y pelea con él.
Y Gaal salió delante de los de Sichêm, y peleó contra Abimelech.
Mas persiguiólo Abimelech, delante del cual él huyó; y cayeron heridos muchos hasta la entrada de la puerta.
Y Abimelech se quedó en Aruma; y Zebul echó fuera á Gaal y á sus hermanos, para que no morasen en Sichêm.
Y aconteció al siguiente día, que el pueblo salió al campo: y fué dado aviso á Abimelech.
El cual, tomando gente, repartióla en tres compañías, y puso emboscadas en el campo: y como miró, he aquí el pueblo que salía de la ciudad; y levantóse contra ellos, é hiriólos:
Pues Abimelech y el escuadrón que estaba con él, acometieron con ímpetu, y pararon á la entrada de la puerta de la ciudad; y las dos compañías acometieron á todos los que estaban en el campo, y los hirieron.
Y después de combatir Abimelech la ciudad todo aquel día, tomóla, y mató el pueblo que en ella estaba, y asoló la ciudad, y sembróla de sal.
Como oyeron esto todos los que estaban en la torre de Sichêm, entráronse en la fortaleza del templo del dios Berith.
Y fué dicho á Abimelech como todos los de la torre de Sichêm estaban reunidos.
Entonces subió Abimelech al monte de Salmón, él y toda la gente que con él estaba; y tomó Abimelech un hacha en su mano, y cortó una rama de los árboles, y levantándola púsosela sobre sus hombros, diciendo al pueblo que estaba con él: Lo que me veis á mí que hago, haced vosotros prestamente como yo.
Y así todo el pueblo cortó también cada uno su rama, y siguieron á Abimelech, y pusiéronlas junto á la fortaleza, y prendieron fuego con ellas á la fortaleza: por manera que todos los de la torre de Sichêm murieron, como unos mil hombres y mujeres.
Después Abimelech se fué á Thebes; y puso cerco á Thebes, y tomóla.
En medio de aquella ciudad había una torre fuerte, á la cual se retiraron todos los hombres y mujeres, y todos los señores de la ciudad; y cerrando tras sí las puertas, subiéronse al piso alto de la torre.
Y vino Abimelech á la torre, y combatiéndola, llegóse á la puerta de la torre para pegarle fuego.
Mas una mujer dejó caer un pedazo de una rueda de molino sobre la cabeza de Abimelech, y quebróle los cascos.
Y luego llamó él á su escudero, y díjole: Saca tu espada y mátame, porque no se diga de mí: Una mujer lo mató. Y su escudero le atravesó, y murió.
Y como los Israelitas vieron muerto á Abimelech, fuéronse cada uno á su casa.
Así pues pagó Dios á Abimelech el mal que hizo contra su padre matando á sus setenta hermanos.
Y aun todo el mal de los hombres de Sichêm tornó Dios sobre sus cabezas: y la maldición de Jotham, hijo de Jerobaal, vino sobre ellos.
Y SAMUEL habló á todo Israel. Por aquel tiempo salió Israel á encontrar en batalla á los Filisteos, y asentó campo junto á Eben-ezer, y los Filisteos asentaron el suyo en Aphec.
Y los Filisteos presentaron la batalla á Israel; y trabándose el combate, Israel fué vencido delante de los Filisteos, los cuales hirieron en la batalla por el campo como cuatro mil hombres.
Y vuelto que hubo el pueblo al campamento, los ancianos de Israel dijeron: ¿Por qué nos ha herido hoy Jehová delante de los Filisteos? Traigamos á nosotros de Silo el arca del pacto de Jehová, para que viniendo entre nosotros nos salve de la mano de nuestros enemigos.
Y envió el pueblo á Silo, y trajeron de allá el arca del pacto de Jehová de los ejércitos, que estaba asentado entre los querubines; y los dos hijos de Eli, Ophni y Phinees, estaban allí con el arca del pacto de Dios.
Y aconteció que, como el arca del pacto de Jehová vino al campo, todo Israel dió grita con tan gran júbilo, que la tierra tembló.
Y cuando los Filisteos oyeron la voz de júbilo, dijeron: ¿Qué voz de gran júbilo es esta en el campo de los Hebreos? Y supieron que el arca de Jehová había venido al campo.
Y los Filisteos tuvieron miedo, porque decían: Ha venido Dios al campo. Y dijeron: ¡Ay de nosotros! pues antes de ahora no fué así.
¡Ay de nosotros! ¿Quién nos librará de las manos de estos dioses fuertes? Estos son los dioses que hirieron á Egipto con toda plaga en el desierto.
Esforzaos, oh Filisteos, y sed hombres, porque no sirváis á los Hebreos, como ellos os han servido á vosotros: sed hombres, y pelead.
Pelearon pues los Filisteos, é Israel fué vencido, y huyeron cada cual á sus tiendas; y fué hecha muy grande mortandad, pues cayeron de Israel treinta mil hombres de á pie.
Y el arca de Dios fué tomada, y muertos los dos hijos de Eli, Ophni y Phinees.
Y corriendo de la batalla un hombre de Benjamín, vino aquel día á Silo, rotos sus vestidos y tierra sobre su cabeza:
Y cuando llegó, he aquí Eli que estaba sentado en una silla atalayando junto al camino; porque su corazón estaba temblando por causa del arca de Dios. Llegado pues aquel hombre á la ciudad, y dadas las nuevas, toda la ciudad gritó.
Y como Eli oyó el estruendo de la gritería, dijo: ¿Qué estruendo de alboroto es éste? Y aquel hombre vino apriesa, y dió las nuevas á Eli.
Era ya Eli de edad de noventa y ocho años, y sus ojos se habían entenebrecido, de modo que no podía ver.
Dijo pues aquel hombre á Eli: Yo vengo de la batalla, yo he escapado hoy del combate. Y él dijo: ¿Qué ha acontecido, hijo mío?
Y el mensajero respondió, y dijo: Israel huyó delante de los Filisteos, y también fué hecha gran mortandad en el pueblo; y también tus dos hijos, Ophni y Phinees, son muertos, y el arca de Dios fué tomada.
Y aconteció que como él hizo mención del arca de Dios, Eli cayó hacia atrás de la silla al lado de la puerta, y quebrósele la cerviz, y murió: porque era hombre viejo y pesado. Y había juzgado á Israel cuarenta años.
Y su nuera, la mujer de Phinees, que estaba preñada, cercana al parto, oyendo el rumor que el arca de Dios era tomada, y muertos su suegro y su marido, encorvóse y parió; porque sus dolores se habían ya derramado por ella.
Y al tiempo que se moría, decíanle las que estaban junto á ella: No tengas temor, porque has parido un hijo. Mas ella no respondió, ni paró mientes.
Y llamó al niño Ichâbod, diciendo: ¡Traspasada es la gloria de Israel! por el arca de Dios que fué tomada, y porque era muerto su suegro, y su marido.
Dijo pues: Traspasada es la gloria de Israel: porque el arca de Dios fué tomada.
Júrame pues ahora por Jehová, que no cortarás mi simiente después de mí, ni raerás mi nombre de la casa de mi padre. Entonces David juró á Saúl. Y fuése Saúl á su casa, y David y los suyos se subieron al sitio fuerte.
ACONTECIÓ después de esto, que teniendo Absalom hijo de David una hermana hermosa que se llamaba Thamar, enamoróse de ella Amnón hijo de David.
Y estaba Amnón angustiado hasta enfermar, por Thamar su hermana: porque por ser ella virgen, parecía á Amnón que sería cosa dificultosa hacerle algo.
Y Amnón tenía un amigo que se llamaba Jonadab, hijo de Simea, hermano de David: y era Jonadab hombre muy astuto.
Y éste le dijo: Hijo del rey, ¿por qué de día en día vas así enflaqueciendo? ¿no me lo descubrirás á mí? Y Amnón le respondió: Yo amo á Thamar la hermana de Absalom mi hermano.
Y Jonadab le dijo: Acuéstate en tu cama, y finge que estás enfermo; y cuando tu padre viniere á visitarte, dile: Ruégote que venga mi hermana Thamar, para que me conforte con alguna comida, y aderece delante de mí alguna vianda, para que viendo yo, la coma de su mano.
Acostóse pues Amnón, y fingió que estaba enfermo, y vino el rey á visitarle: y dijo Amnón al rey: Yo te ruego que venga mi hermana Thamar, y haga delante de mí dos hojuelas, que coma yo de su mano.
Y David envió á Thamar á su casa, diciendo: Ve ahora á casa de Amnón tu hermano, y hazle de comer.
Y fué Thamar á casa de su hermano Amnón, el cual estaba acostado; y tomó harina, y amasó é hizo hojuelas delante de él, y aderezólas.
Tomó luego la sartén, y sacólas delante de él: mas él no quiso comer. Y dijo Amnón: Echad fuera de aquí á todos. Y todos se salieron de allí.
Entonces Amnón dijo á Thamar: Trae la comida á la alcoba, para que yo coma de tu mano. Y tomando Thamar las hojuelas que había aderezado, llevólas á su hermano Amnón á la alcoba.
Y como ella se las puso delante para que comiese, él trabó de ella, diciéndole: Ven, hermana mía acuéstate conmigo.
Ella entonces le respondió: No, hermano mío, no me hagas fuerza; porque no se ha de hacer así en Israel. No hagas tal desacierto.
Porque, ¿dónde iría yo con mi deshonra? Y aun tú serías estimado como uno de los perversos en Israel. Ruégote pues ahora que hables al rey, que no me negará á ti.
Mas él no la quiso oir; antes pudiendo más que ella la forzó, y echóse con ella.
Aborrecióla luego Amnón de tan grande aborrecimiento, que el odio con que la aborreció fué mayor que el amor con que la había amado. Y díjole Amnón: Levántate y vete.
Y ella le respondió: No es razón; mayor mal es éste de echarme, que el que me has hecho. Mas él no la quiso oir:
Antes llamando su criado que le servía dijo: Echame ésta allá fuera, y tras ella cierra la puerta.
Y tenía ella sobre sí una ropa de colores, traje que las hijas vírgenes de los reyes vestían. Echóla pues fuera su criado, y cerró la puerta tras ella.
Entonces Thamar tomó ceniza, y esparcióla sobre su cabeza, y rasgó la ropa de colores de que estaba vestida, y puestas sus manos sobre su cabeza, fuése gritando.
Y díjole su hermano Absalom: ¿Ha estado contigo tu hermano Amnón? Pues calla ahora, hermana mía: tu hermano es; no pongas tu corazón en este negocio. Y quedóse Thamar desconsolada en casa de Absalom su hermano.
Y luego que el rey David oyó todo esto, fué muy enojado.
Mas Absalom no habló con Amnón ni malo ni bueno; bien que Absalom aborrecía á Amnón, porque había forzado á Thamar su hermana.
Y aconteció pasados dos años, que Absalom tenía esquiladores en Bala-hasor, que está junto á Ephraim; y convidó Absalom á todos los hijos del rey.
Y vino Absalom al rey, y díjole: He aquí, tu siervo tiene ahora esquiladores: yo ruego que venga el rey y sus siervos con tu siervo.
Y respondió el rey á Absalom: No, hijo mío, no vamos todos, porque no te hagamos costa. Y aunque porfió con él, no quiso ir, mas bendíjolo.
Entonces dijo Absalom: Si no, ruégote que venga con nosotros Amnón mi hermano. Y el rey le respondió: ¿Para qué ha de ir contigo?
Y como Absalom lo importunase, dejó ir con él á Amnón y á todos los hijos del rey.
Y había Absalom dado orden á sus criados, diciendo: Ahora bien, mirad cuándo el corazón de Amnón estará alegre del vino, y en diciéndoos yo, Herid á Amnón, entonces matadle, y no temáis; que yo os lo he mandado. Esforzaos pues, y sed valientes.
Y los criados de Absalom hicieron con Amnón como Absalom lo había mandado. Levantáronse luego todos los hijos del rey, y subieron todos en sus mulos, y huyeron.
Y estando aún ellos en el camino, llegó á David el rumor que decía: Absalom ha muerto á todos los hijos del rey, que ninguno de ellos ha quedado.
Entonces levantándose David, rasgó sus vestidos, y echóse en tierra, y todos sus criados, rasgados sus vestidos, estaban delante.
Y Jonadab, hijo de Simea hermano de David, habló y dijo: No diga mi señor que han muerto á todos los jóvenes hijos del rey, que sólo Amnón es muerto: porque en boca de Absalom estaba puesto desde el día que Amnón forzó á Thamar su hermana.
Por tanto, ahora no ponga mi señor el rey en su corazón esa voz que dice: Todos los hijos del rey son muertos: porque sólo Amnón es muerto.
Absalom huyó luego. Entre tanto, alzando sus ojos el mozo que estaba en atalaya, miró, y he aquí mucho pueblo que venía á sus espaldas por el camino de hacia el monte.
Y dijo Jonadab al rey: He allí los hijos del rey que vienen: es así como tu siervo ha dicho.
Y como él acabó de hablar, he aquí los hijos del rey que vinieron, y alzando su voz lloraron. Y también el mismo rey y todos sus siervos lloraron con muy grandes lamentos.
Mas Absalom huyó, y fuése á Talmai hijo de Amiud, rey de Gessur. Y David lloraba por su hijo todos los días.
Y después que Absalom huyó y se fué á Gessur, estuvo allá tres años.
Y el rey David deseó ver á Absalom: porque ya estaba consolado acerca de Amnón que era muerto.
Y COMO Salomón hubo acabado la obra de la casa de Jehová, y la casa real, y todo lo que Salomón quiso hacer,
Jehová apareció á Salomón la segunda vez, como le había aparecido en Gabaón.
Y díjole Jehová: Yo he oído tu oración y tu ruego, que has hecho en mi presencia. Yo he santificado esta casa que tú has edificado, para poner mi nombre en ella para siempre; y en ella estarán mis ojos y mi corazón todos los días.
Y si tú anduvieres delante de mí, como anduvo David tu padre, en integridad de corazón y en equidad, haciendo todas las cosas que yo te he mandado, y guardando mis estatutos y mis derechos,
Yo afirmaré el trono de tu reino sobre Israel para siempre, como hablé á David tu padre, diciendo: No faltará de ti varón en el trono de Israel.
Mas si obstinadamente os apartareis de mí vosotros y vuestros hijos, y no guardareis mis mandamientos y mis estatutos que yo he puesto delante de vosotros, sino que fuereis y sirviereis á dioses ajenos, y los adorareis;
Yo cortaré á Israel de sobre la haz de la tierra que les he entregado; y esta casa que he santificado á mi nombre, yo la echaré de delante de mí, é Israel será por proverbio y fábula á todos los pueblos;
Y esta casa que estaba en estima, cualquiera que pasare por ella se pasmará, y silbará, y dirá: ¿Por qué ha hecho así Jehová á esta tierra, y á esta casa?
Y dirán: Por cuanto dejaron á Jehová su Dios, que había sacado á sus padres de tierra de Egipto, y echaron mano á dioses ajenos, y los adoraron, y los sirvieron: por eso ha traído Jehová sobre ellos todo aqueste mal.
Y aconteció al cabo de veinte años, en que Salomón había edificado las dos casas, la casa de Jehová y la casa real,
(Para las cuales Hiram rey de Tiro, había traído á Salomón madera de cedro y de haya, y cuanto oro él quiso), que el rey Salomón dió á Hiram veinte ciudades en tierra de Galilea.
Y salió Hiram de Tiro para ver las ciudades que Salomón le había dado, y no le contentaron.
Y dijo: ¿Qué ciudades son estas que me has dado, hermano? Y púsoles por nombre, la tierra de Cabul, hasta hoy.
Y había Hiram enviado al rey ciento y veinte talentos de oro.
Y esta es la razón del tributo que el rey Salomón impuso para edificar la casa de Jehová, y su casa, y á Millo, y el muro de Jerusalem, y á Hasor, y Megiddo, y Gezer.
Faraón el rey de Egipto había subido y tomado á Gezer, y quemádola, y había muerto los Cananeos que habitaban la ciudad, y dádola en don á su hija la mujer de Salomón.
Restauró pues Salomón á Gezer, y á la baja Beth-oron,
Y á Baalath, y á Tadmor en tierra del desierto;
Asimismo todas las ciudades donde Salomón tenía municiones, y las ciudades de los carros, y las ciudades de la gente de á caballo, y todo lo que Salomón deseó edificar en Jerusalem, en el Líbano, y en toda la tierra de su señorío.
A todos los pueblos que quedaron de los Amorrheos, Hetheos, Pherezeos, Heveos, Jebuseos, que no fueron de los hijos de Israel;
A sus hijos que quedaron en la tierra después de ellos, que los hijos de Israel no pudieron acabar, hizo Salomón que sirviesen con tributo hasta hoy.
Mas á ninguno de los hijos de Israel impuso Salomón servicio, sino que eran hombres de guerra, ó sus criados, ó sus príncipes, ó sus capitanes, ó comandantes de sus carros, ó su gente de á caballo.
Y los que Salomón había hecho jefes y prepósitos sobre las obras, eran quinientos y cincuenta, los cuales estaban sobre el pueblo que trabajaba en aquella obra.
Y subió la hija de Faraón de la ciudad de David á su casa que Salomón le había edificado: entonces edificó él á Millo.
Y ofrecía Salomón tres veces cada un año holocaustos y pacíficos sobre el altar que él edificó á Jehová, y quemaba perfumes sobre el que estaba delante de Jehová, después que la casa fué acabada.
Hizo también el rey Salomón navíos en Ezión-geber, que es junto á Elath en la ribera del mar Bermejo, en la tierra de Edom.
Y envió Hiram en ellos á sus siervos, marineros y diestros en la mar, con los siervos de Salomón:
Los cuales fueron á Ophir, y tomaron de allí oro, cuatrocientos y veinte talentos, y trajéronlo al rey Salomón.
DIJO entonces Eliseo: Oid palabra de Jehová: Así dijo Jehová: Mañana á estas horasvaldráel seah de flor de harina un siclo, y dos seah de cebada un siclo, á la puerta de Samaria.
Y un príncipe sobre cuya mano el rey se apoyaba, respondió al varón de Dios, y dijo: Si Jehová hiciese ahora ventanas en el cielo, ¿sería esto así? Y él dijo: He aquí tú lo verás con tus ojos, mas no comerás de ello.
Y había cuatro hombres leprosos á la entrada de la puerta, los cuales dijeron el uno al otro: ¿Para qué nos estamos aquí hasta que muramos?
Si tratáremos de entrar en la ciudad, por el hambre que hay en la ciudad moriremos en ella; y si nos quedamos aquí, también moriremos. Vamos pues ahora, y pasémonos al ejército de los Siros: si ellos nos dieren la vida, viviremos; y si nos dieren la muerte, moriremos.
Levantáronse pues en el principio de la noche, para irse al campo de los Siros; y llegando á las primeras estancias de los Siros, no había allí hombre.
Porque el Señor había hecho que en el campo de los Siros se oyese estruendo de carros, ruido de caballos, y estrépito de grande ejército; y dijéronse los unos á los otros: He aquí el rey de Israel ha pagado contra nosotros á los reyes de los Hetheos, y á los reyes de los Egipcios, para que vengan contra nosotros.
Y así se habían levantado y huído al principio de la noche, dejando sus tiendas, sus caballos, sus asnos, y el campo como se estaba; y habían huído por salvar las vidas.
Y como los leprosos llegaron á las primeras estancias, entráronse en una tienda, y comieron y bebieron, y tomaron de allí plata, y oro, y vestidos, y fueron, y escondiéronlo: y vueltos, entraron en otra tienda, y de allí también tomaron, y fueron, y escondieron.
Y dijéronse el uno al otro: No hacemos bien: hoy es día de buena nueva, y nosotros callamos: y si esperamos hasta la luz de la mañana, nos alcanzará la maldad. Vamos pues ahora, entremos, y demos la nueva en casa del rey.
Y vinieron, y dieron voces á los guardas de la puerta de la ciudad, y declaráronles, diciendo: Nosotros fuimos al campo de los Siros, y he aquí que no había allí hombre, ni voz de hombre, sino caballos atados, asnos también atados, y el campo como se estaba.
Y los porteros dieron voces, y declaráronlo dentro, en el palacio del rey.
Y levantóse el rey de noche, y dijo á sus siervos: Yo os declararé lo que nos han hecho los Siros. Ellos saben que tenemos hambre, y hanse salido de las tiendas y escondídose en el campo, diciendo: Cuando hubieren salido de la ciudad, los tomaremos vivos, y entraremos en la ciudad.
Entonces respondió uno de sus siervos, y dijo: Tomen ahora cinco de los caballos que han quedado en la ciudad, (porque ellos también son como toda la multitud de Israel que ha quedado en ella; también ellos son como toda la multitud de Israel que ha perecido;) y enviemos, y veamos qué hay.
Tomaron pues dos caballos de un carro, y envió el rey tras el campo de los Siros, diciendo: Id, y ved.
Y ellos fueron, y siguiéronlos hasta el Jordán: y he aquí, todo el camino estaba lleno de vestidos y enseres que los Siros habían arrojado con la premura. Y volvieron los mensajeros, é hiciéronlo saber al rey.
Entonces el pueblo salió, y saquearon el campo de los Siros. Y fué vendido un seah de flor de harina por un siclo, y dos seah de cebada por un siclo, conforme á la palabra de Jehová.
Y el rey puso á la puerta á aquel príncipe sobre cuya mano él se apoyaba: y atropellóle el pueblo á la entrada, y murió, conforme á lo que había dicho el varón de Dios, lo que habló cuando el rey descendió á él.
Aconteció pues de la manera que el varón de Dios había hablado al rey, diciendo: Dos seah de cebada por un siclo, y el seah de flor de harina será vendido por un siclo mañana á estas horas, á la puerta de Samaria.
A lo cual aquel príncipe había respondido al varón de Dios, diciendo: Aunque Jehová hiciese ventanas en el cielo, ¿pudiera ser eso? Y él dijo: He aquí tú lo verás con tus ojos, mas no comerás de ello.
Y vínole así; porque el pueblo le atropelló á la entrada, y murió.
ESTOS son los hijos de Israel: Rubén, Simeón, Leví, Judá, Issachâr, Zabulón,
Dan, José, Benjamín, Nephtalí, Gad, y Aser.
Los hijos de Judá: Er, Onán, y Sela. Estos tres le nacieron de la hija de Sua, Cananea. Y Er, primogénito de Judá, fué malo delante de Jehová; y matólo.
Y Thamar su nuera le parió á Phares y á Zara. Todos los hijos de Judá fueron cinco.
Los hijos de Phares: Hesrón y Hamul.
Y los hijos de Zara: Zimri, Ethán, Hemán, y Calcol, y Darda; en todos cinco.
Hijo de Chârmi fué Achâr, el que alborotó á Israel, porque prevaricó en el anatema.
Azaría fué hijo de Ethán.
Los hijos que nacieron á Hesrón: Jerameel, Ram, y Chêlubai.
Y Ram engendró á Aminadab; y Aminadab engendró á Nahasón, príncipe de los hijos de Judá;
Y Nahasón engendró á Salma, y Salma engendró á Booz;
Y Booz engendró á Obed, y Obed engendró á Isaí;
E Isaí engendró á Eliab, su primogénito, y el segundo Abinadab, y Sima el tercero;
El cuarto Nathanael, el quinto Radai;
El sexto Osem, el séptimo David:
De los cuales Sarvia y Abigail fueron hermanas. Los hijos de Sarvia fueron tres: Abisai, Joab, y Asael.
Abigail engendró á Amasa, cuyo padre fué Jether Ismaelita.
Caleb hijo de Hesrón engendró á Jerioth de su mujer Azuba. Y los hijos de ella fueron Jeser, Sobad, y Ardón.
Y muerta Azuba, tomó Caleb por mujer á Ephrata, la cual le parió á Hur.
Y Hur engendró á Uri, y Uri engendró á Bezaleel.
Después entró Hesrón á la hija de Machîr padre de Galaad, la cual tomó siendo él de sesenta años, y ella le parió á Segub.
Y Segub engendró á Jair, el cual tuvo veintitrés ciudades en la tierra de Galaad.
Y Gesur y Aram tomaron las ciudades de Jair de ellos, y á Cenath con sus aldeas, sesenta lugares. Todos estos fueron de los hijos de Machîr padre de Galaad.
Y muerto Hesrón en Caleb de Ephrata, Abia mujer de Hesrón le parió á Ashur padre de Tecoa.
Y los hijos de Jerameel primogénito de Hesrón fueron Ram su primogénito, Buna, Orem, Osem, y Achîa.
Y tuvo Jerameel otra mujer llamada Atara, que fué madre de Onam.
Y los hijos de Ram primogénito de Jerameel fueron Maas, Jamín, y Acar.
Y los hijos de Onam fueron Sammai, y Jada. Los hijos de Sammai: Nadab, y Abisur.
Y el nombre de la mujer de Abisur fué Abihail, la cual le parió á Abán, y á Molib.
Y los hijos de Nadab: Seled y Aphaim. Y Seled murió sin hijos.
E Isi fué hijo de Aphaim; y Sesam, hijo de Isi; é hijo de Sesam, Alai.
Los hijos de Jada hermano de Simmai: Jether y Jonathán. Y murió Jether sin hijos.
Y los hijos de Jonathán: Peleth, y Zaza. Estos fueron los hijos de Jerameel.
Y Sesán no tuvo hijos, sino hijas.
Y tuvo Sesán un siervo Egipcio, llamado Jarha, al cual dió Sesán por mujer á su hija; y ella le parió á Athai.
Y Athai engendró á Nathán, y Nathán engendró á Zabad:
Y Zabad engendró á Ephlal, y Ephlal engendró á Obed;
Y Obed engendró á Jehú, y Jehú engendró á Azarías;
Y Azarías engendró á Heles, y Heles engedró á Elasa;
Elasa engendró á Sismai, y Sismai engendró á Sallum;
Y Sallum engendró á Jecamía, y Jecamía engendró á Elisama.
Los hijos de Caleb hermano de Jerameel fueron Mesa su primogénito, que fué el padre de Ziph; y los hijos de Maresa padre de Hebrón.
Y los hijos de Hebrón: Core, y Thaphua, y Recem, y Sema.
Y Sema engendró á Raham, padre de Jorcaam; y Recem engendró á Sammai.
Maón fué hijo de Sammai, y Maón padre de Beth-zur.
Y Epha, concubina de Caleb, le parió á Harán, y á Mosa, y á Gazez. Y Harán engendró á Gazez.
Y los hijos de Joddai: Regem, Jotham, Gesán, Pelet, Epho, y Saaph.
Maachâ, concubina de Caleb, le parió á Sebet, y á Thirana.
Y también le parió á Saaph padre de Madmannah, y á Seva padre de Macbena, y padre de Ghiba. Y Achsa fué hija de Caleb.
Estos fueron los hijos de Caleb, hijo de Hur, primogénito de Ephrata: Sobal, padre de Chîriath-jearim;
Salma, padre de Beth-lehem; Hareph, padre de Beth-gader.
Y los hijos de Sobal padre de Chîriath-jearim fueron Haroeh, la mitad de los Manahethitas.
Y las familias de Chîriath-jearim fueron los Ithreos, y los Phuteos, y los Samatheos, y los Misraiteos; de los cuales salieron los Soratitas, y los Estaolitas.
Los hijos de Salma: Beth-lehem, y los Nethophatitas, los cuales son las coronas de la casa de Joab, y de la mitad de los Manahethitas, los Soraitas.
Y las familias de los escribas, que moraban en Jabes, fueron los Thiratheos, Simatheos, Sucatheos; los cuales son los Cineos que vinieron de Hamath, padre de la casa de Rechâb.
Y DIJO David: Esta es la casa de Jehová Dios, y este es el altar del holocausto para Israel.
Después mandó David que se juntasen los extranjeros que estaban en la tierra de Israel, y señaló de ellos canteros que labrasen piedras para edificar la casa de Dios.
Asimismo aparejó David mucho hierro para la clavazón de las puertas, y para las junturas; y mucho metal sin peso, y madera de cedro sin cuenta.
Porque los Sidonios y Tirios habían traído á David madera de cedro innumerable.
Y dijo David: Salomón mi hijo es muchacho y tierno, y la casa que se ha de edificar á Jehová ha de ser magnífica por excelencia, para nombre y honra en todas las tierras; ahora pues yo le aparejaré lo necesario. Y preparó David antes de su muerte en grande abundancia.
Llamó entonces David á Salomón su hijo, y mandóle que edificase casa á Jehová Dios de Israel.
Y dijo David á Salomón: Hijo mío, en mi corazón tuve el edificar templo al nombre de Jehová mi Dios.
Mas vino á mí palabra de Jehová, diciendo: Tú has derramado mucha sangre, y has traído grandes guerras: no edificarás casa á mi nombre, porque has derramado mucha sangre en la tierra delante de mí:
He aquí, un hijo te nacerá, el cual será varón de reposo, porque yo le daré quietud de todos sus enemigos en derredor; por tanto su nombre será Salomón; y yo daré paz y reposo sobre Israel en sus días:
El edificará casa á mi nombre, y él me será á mí por hijo, y yo le seré por padre; y afirmaré el trono de su reino sobre Israel para siempre.
Ahora pues, hijo mío, sea contigo Jehová, y seas prosperado, y edifiques casa á Jehová tu Dios, como él ha dicho de ti.
Y Jehová te dé entendimiento y prudencia, y él te dé mandamientos para Israel; y que tú guardes la ley de Jehová tu Dios.
Entonces serás prosperado, si cuidares de poner por obra los estatutos y derechos que Jehová mandó á Moisés para Israel. Esfuérzate pues, y cobra ánimo; no temas, ni desmayes.
He aquí, yo en mi estrechez he prevenido para la casa de Jehová cien mil talentos de oro, y un millar de millares de talentos de plata: no tiene peso el metal ni el hierro, porque es mucho. Asimismo he aprestado madera y piedra, á lo cual tú añadirás.
Tú tienes contigo muchos oficiales, canteros, albañiles, y carpinteros, y todo hombre experto en toda obra.
Del oro, de la plata, del metal, y del hierro, no hay número. Levántate pues, y á la obra; que Jehová será contigo.
Asimismo mandó David á todos los principales de Israel que diesen ayuda á Salomón su hijo, diciendo:
¿No es con vosotros Jehová vuestro Dios, el cual os ha dado quietud de todas partes? porque él ha entregado en mi mano los moradores de la tierra, y la tierra ha sido sujetada delante de Jehová, y delante de su pueblo.
Poned, pues, ahora vuestros corazones y vuestros ánimos en buscar á Jehová vuestro Dios; y levantaos, y edificad el santuario del Dios Jehová, para traer el arca del pacto de Jehová, y lo santos vasos de Dios, á la casa edificada al nombre de Jehová.
A LOS dieciocho años del rey Jeroboam, reinó Abías sobre Judá.
Y reinó tres años en Jerusalem. El nombre de su madre fué Michâía hija de Uriel de Gabaa. Y hubo guerra entre Abías y Jeroboam.
Entonces ordenó Abías batalla con un ejército de cuatrocientos mil hombres de guerra valerosos y escogidos: y Jeroboam ordenó batalla contra él con ochocientos mil hombres escogidos, fuertes y valerosos.
Y levantóse Abías sobre el monte de Semaraim, que es en los montes de Ephraim, y dijo: Oidme, Jeroboam y todo Israel.
¿No sabéis vosotros, que Jehová Dios de Israel dió el reino á David sobre Israel para siempre, á él y á sus hijos en alianza de sal?
Pero Jeroboam hijo de Nabat, siervo de Salomón hijo de David, se levantó y rebeló contra su señor.
Y se allegaron á él hombres vanos, hijos de iniquidad, y pudieron más que Roboam hijo de Salomón, porque Roboam era mozo y tierno de corazón, y no se defendió de ellos.
Y ahora vosotros tratáis de fortificaros contra el reino de Jehová en mano de los hijos de David, porque sois muchos, y tenéis con vosotros los becerros de oro que Jeroboam os hizo por dioses.
¿No echasteis vosotros á los sacerdotes de Jehová, á los hijos de Aarón, y á los Levitas, y os habéis hecho sacerdotes á la manera de los pueblos de otras tierras, para que cualquiera venga á consagrarse con un becerro y siete carneros, y así sea sacerdote de los que no son dioses?
Mas en cuanto á nosotros, Jehová es nuestro Dios, y no le hemos dejado: y los sacerdotes que ministran á Jehová son los hijos de Aarón, y los Levitas en la obra;
Los cuales queman á Jehová los holocaustos cada mañana y cada tarde, y los perfumes aromáticos; y ponen los panes sobre la mesa limpia, y el candelero de oro con sus candilejas para que ardan cada tarde: porque nosotros guardamos la ordenanza de Jehová nuestro Dios; mas vosotros le habéis dejado.
Y he aquí Dios está con nosotros por cabeza, y sus sacerdotes con las trompetas del júbilo para que suenen contra vosotros. Oh hijos de Israel, no peleéis contra Jehová el Dios de vuestros padres, porque no os sucederá bien.
Pero Jeroboam hizo girar una emboscada para venir á ellos por la espalda: y estando así delante de ellos, la emboscada estaba á espaldas de Judá.
Y como miró Judá, he aquí que tenía batalla delante y á las espaldas; por lo que clamaron á Jehová, y los sacerdotes tocaron las trompetas.
Entonces los de Judá alzaron grita; y así que ellos alzaron grita, Dios desbarató á Jeroboam y á todo Israel delante de Abías y de Judá:
Y huyeron los hijos de Israel delante de Judá, y Dios los entregó en sus manos.
Y Abías y su gente hacían en ellos gran mortandad; y cayeron heridos de Israel quinientos mil hombres escogidos.
Así fueron humillados los hijos de Israel en aquel tiempo: mas los hijos de Judá se fortificaron, porque se apoyaban en Jehová el Dios de sus padres.
Y siguió Abías á Jeroboam, y tomóle algunas ciudades, á Beth-el con sus aldeas, á Jesana con sus aldeas, y á Ephraim con sus aldeas.
Y nunca más tuvo Jeroboam poderío en los días de Abías: é hirióle Jehová, y murió.
Empero se fortificó Abías; y tomó catorce mujeres, y engendró veintidós hijos, y dieciséis hijas.
Lo demás de los hechos de Abías, sus caminos y sus negocios, está escrito en la historia de Iddo profeta.
DE DOCE años era Manasés cuando comenzó á reinar, y cincuenta y cinco años reinó en Jerusalem.
Mas hizo lo malo en ojos de Jehová, conforme á las abominaciones de las gentes que había echado Jehová delante de los hijos de Israel:
Porque él reedificó los altos que Ezechîas su padre había derribado, y levantó altares á los Baales, é hizo bosques, y adoró á todo el ejército de los cielos, y á él sirvió.
Edificó también altares en la casa de Jehová, de la cual había dicho Jehová: En Jerusalem será mi nombre perpetuamente.
Edificó asimismo altares á todo el ejército de los cielos en los dos atrios de la casa de Jehová.
Y pasó sus hijos por fuego en el valle de los hijos de Hinnom; y miraba en los tiempos, miraba en agüeros, era dado á adivinaciones, y consultaba pythones y encantadores: subió de punto en hacer lo malo en ojos de Jehová, para irritarle.
A más de esto puso una imagen de fundición, que hizo, en la casa de Dios, de la cual había dicho Dios á David y á Salomón su hijo: En esta casa y en Jerusalem, la cual yo elegí sobre todas las tribus de Israel, pondré mi nombre para siempre:
Y nunca más quitaré el pie de Israel de la tierra que yo entregué á vuestros padres, á condición que guarden y hagan todas las cosas que yo les he mandado, toda la ley, estatutos, y ordenanzas, por mano de Moisés.
Hizo pues Manasés desviarse á Judá y á los moradores de Jerusalem, para hacer más mal que las gentes que Jehová destruyó delante de los hijos de Israel.
Y habló Jehová á Manasés y á su pueblo, mas ellos no escucharon: por lo cual Jehová trajo contra ellos los generales del ejército del rey de los Asirios, los cuales aprisionaron con grillos á Manasés, y atado con cadenas lleváronlo á Babilonia.
Y LUEGO que el muro fué edificado, y asenté las puertas, y fueron señalados porteros y cantores y Levitas,
Mandé á mi hermano Hanani, y á Hananías, príncipe del palacio de Jerusalem, (porque era éste, como varón de verdad y temeroso de Dios, sobre muchos;)
Y díjeles: No se abran las puertas de Jerusalem hasta que caliente el sol: y aun ellos presentes, cierren las puertas, y atrancad. Y señalé guardas de los moradores de Jerusalem, cada cual en su guardia, y cada uno delante de su casa.
Y la ciudad era espaciosa y grande, pero poco pueblo dentro de ella, y no había casas reedificadas.
Y puso Dios en mi corazón que juntase los principales, y los magistrados, y el pueblo, para que fuesen empadronados por el orden de sus linajes: y hallé el libro de la genealogía de los que habían subido antes, y encontré en él escrito:
Estos son los hijos de la provincia que subieron de la cautividad, de la transmigración que hizo pasar Nabucodonosor rey de Babilonia, y que volvieron á Jerusalem y á Judá cada uno á su ciudad;
Los cuales vinieron con Zorobabel, Jesuá, Nehemías, Azarías, Raamías, Nahamani, Mardochêo, Bilsán, Misperet, Bigvai, Nehum, Baana. La cuenta de los varones del pueblo de Israel:
Los hijos de Paros, dos mil ciento setenta y dos;
Los hijos de Sephatías, trescientos setenta y dos;
Los hijos de Ara, seiscientos cincuenta y dos;
Los hijos de Pahath-moab, de los hijos de Jesuá y de Joab, dos mil ochocientos dieciocho;
Los hijos de Elam, mil doscientos cincuenta y cuatro;
Los hijos de Zattu, ochocientos cuarenta y cinco;
Los hijos de Zachâi, setecientos y sesenta;
Los hijos de Binnui, seiscientos cuarenta y ocho;
Los hijos de Bebai, seiscientos veintiocho;
Los hijos de Azgad, dos mil seiscientos veintidós;
Los hijos de Adonicam, seiscientos sesenta y siete;
Los hijos de Bigvai, dos mil sesenta y siete;
Los hijos de Addin, seiscientos cincuenta y cinco;
Los hijos de Ater, de Ezechîas, noventa y ocho;
Los hijos de Hasum, trescientos veintiocho;
Los hijos de Besai, trescientos veinticuatro;
Los hijos de Hariph, ciento doce;
Los hijos de Gabaón, noventa y cinco;
Los varones de Beth-lehem y de Netopha, ciento ochenta y ocho;
Los varones de Anathoth, ciento veintiocho;
Los varones de Beth-azmaveth, cuarenta y dos;
Los varones de Chîriath-jearim, Chephira y Beeroth, setecientos cuarenta y tres;
Los varones de Rama y de Gebaa, seiscientos veintiuno;
Los varones de Michmas, ciento veintidós;
Los varones de Beth-el y de Ai, ciento veintitrés;
Los varones de la otra Nebo, cincuenta y dos;
Los hijos de la otra Elam, mil doscientos cincuenta y cuatro;
Los hijos de Harim, trescientos y veinte;
Los hijos de Jericó, trescientos cuarenta y cinco;
Los hijos de Lod, de Hadid, y Ono, setecientos veintiuno;
Los hijos de Senaa, tres mil novecientos y treinta.
Sacerdotes: los hijos de Jedaías, de la casa de Jesuá, novecientos setenta y tres;
Los hijos de Immer, mil cincuenta y dos;
Los hijos de Pashur, mil doscientos cuarenta y siete;
Los hijos de Harim, mil diez y siete.
Levitas: los hijos de Jesuá, de Cadmiel, de los hijos de Odevía, setenta y cuatro.
Cantores: los hijos de Asaph, ciento cuarenta y ocho.
Porteros: los hijos de Sallum, los hijos de Ater, los hijos de Talmón, los hijos de Accub, los hijos de Hatita, los hijos de Sobai, ciento treinta y ocho.
Nethineos: los hijos de Siha, los hijos de Hasupha, los hijos de Thabaoth,
Los hijos de Chêros, los hijos de Siaa, los hijos de Phadón,
Los hijos de Lebana, los hijos de Hagaba, los hijos de Salmai,
Los hijos de Hanán, los hijos de Giddel, los hijos de Gahar,
Los hijos de Rehaía, los hijos de Resín, los hijos de Necoda,
Los hijos de Gazzam, los hijos de Uzza, los hijos de Phasea,
Los hijos de Besai, los hijos de Meunim, los hijos de Nephisesim,
Los hijos de Bacbuc, los hijos de Hacupha, los hijos de Harhur,
Los hijos de Baslith, los hijos de Mehida, los hijos de Harsa,
Los hijos de Barcos, los hijos de Sísera, los hijos de Tema,
Los hijos de Nesía, los hijos de Hatipha.
Los hijos de los siervos de Salomón: los hijos de Sotai, los hijos de Sophereth, los hijos de Perida,
Los hijos de Jahala, los hijos de Darcón, los hijos de Giddel,
Los hijos de Sephatías, los hijos de Hattil, los hijos de Pochêreth-hassebaim, los hijos de Amón.
Todos los Nethineos, é hijos de los siervos de Salomón, trescientos noventa y dos.
Y estos son los que subieron de Telmelah, Tel-harsa, Chêrub, Addón, é Immer, los cuales no pudieron mostrar la casa de sus padres, ni su linaje, si eran de Israel:
Los hijos de Delaía, los hijos de Tobías, los hijos de Necoda, seiscientos cuarenta y dos.
Y de los sacerdotes: los hijos de Habaías, los hijos de Cos, los hijos de Barzillai, el cual tomó mujer de las hijas de Barzillai Galaadita, y se llamó del nombre de ellas.
Estos buscaron su registro de genealogías, y no se halló; y fueron echados del sacerdocio.
Y díjoles el Tirsatha que no comiesen de las cosas más santas, hasta que hubiese sacerdote con Urim y Thummim.
La congregación toda junta era de cuarenta y dos mil trescientos y sesenta,
Sin sus siervos y siervas, que eran siete mil trescientos treinta y siete; y entre ellos había doscientos cuarenta y cinco cantores y cantoras.
Sus caballos, setecientos treinta y seis; sus mulos, doscientos cuarenta y cinco;
Camellos, cuatrocientos treinta y cinco; asnos, seis mil setecientos y veinte.
Y algunos de los príncipes de las familias dieron para la obra. El Tirsatha dió para el tesoro mil dracmas de oro, cincuenta tazones, y quinientas treinta vestiduras sacerdotales.
Y de los príncipes de las familias dieron para el tesoro de la obra, veinte mil dracmas de oro, y dos mil y doscientas libras de plata.
Y lo que dió el resto del pueblo fué veinte mil dracmas de oro, y dos mil libras de plata, y sesenta y siete vestiduras sacerdotales.
Y habitaron los sacerdotes y los Levitas, y los porteros, y los cantores, y los del pueblo, y los Nethineos, y todo Israel, en sus ciudades. Y venido el mes séptimo, los hijos de Israel estaban en sus ciudades.
Y RESPONDIÓ Eliphaz el Temanita, y dijo:
Si probáremos á hablarte, serte ha molesto; mas ¿quién podrá detener las palabras?
He aquí, tú enseñabas á muchos, y las manos flacas corroborabas;
Al que vacilaba, enderezaban tus palabras, y esforzabas las rodillas que decaían.
Mas ahora que el mal sobre ti ha venido, te es duro; y cuando ha llegado hasta ti, te turbas.
¿Es este tu temor, tu confianza, tu esperanza, y la perfección de tus caminos?
Recapacita ahora, ¿quién que fuera inocente se perdiera? y ¿en dónde los rectos fueron cortados?
Como yo he visto, los que aran iniquidad y siembran injuria, la siegan.
Perecen por el aliento de Dios, y por el espíritu de su furor son consumidos.
El bramido del león, y la voz del león, y los dientes de los leoncillos son quebrantados.
El león viejo perece por falta de presa, y los hijos del león son esparcidos.
El negocio también me era á mí oculto; mas mi oído ha percibido algo de ello.
En imaginaciones de visiones nocturnas, cuando el sueño cae sobre los hombres,
Sobrevínome un espanto y un temblor, que estremeció todos mis huesos:
Y un espíritu pasó por delante de mí, que hizo se erizara el pelo de mi carne.
Paróse un fantasma delante de mis ojos, cuyo rostro yo no conocí, y quedo, oí que decía:
¿Si será el hombre más justo que Dios? ¿si será el varón más limpio que el que lo hizo?
He aquí que en sus siervos no confía, y notó necedad en sus ángeles;
¡Cuánto más en los que habitan en casas de lodo, cuyo fundamento está en el polvo, y que serán quebrantados de la polilla!
De la mañana á la tarde son quebrantados, y se pierden para siempre, sin haber quien lo considere.
¿Su hermosura, no se pierde con ellos mismos? Mueren, y sin sabiduría.
PUESTO que no son ocultos los tiempos al Todopoderoso, ¿por qué los que le conocen no ven sus días?
Traspasan los términos, roban los ganados, y apaciéntanlos.
Llévanse el asno de los huérfanos; prenden el buey de la viuda.
Hacen apartar del camino á los menesterosos: y todos los pobres de la tierra se esconden.
He aquí, como asnos monteses en el desierto, salen á su obra madrugando para robar; el desierto es mantenimiento de sus hijos.
En el campo siegan su pasto, y los impíos vendimian la viña ajena.
Al desnudo hacen dormir sin ropa, y que en el frío no tenga cobertura.
Con las avenidas de los montes se mojan, y abrazan las peñas sin tener abrigo.
Quitan el pecho á los huérfanos, y de sobre el pobre toman la prenda.
Al desnudo hacen andar sin vestido, y á los hambrientos quitan los hacecillos.
De dentro de sus paredes exprimen el aceite, pisan los lagares, y mueren de sed.
De la ciudad gimen los hombres, y claman las almas de los heridos de muerte: mas Dios no puso estorbo.
Ellos son los que, rebeldes á la luz, nunca conocieron sus caminos, ni estuvieron en sus veredas.
A la luz se levanta el matador, mata al pobre y al necesitado, y de noche es como ladrón.
El ojo del adúltero está aguardando la noche, diciendo: No me verá nadie: y esconde su rostro.
En las tinieblas minan las casas, que de día para sí señalaron; no conocen la luz.
Porque la mañana es á todos ellos como sombra de muerte; si son conocidos, terrores de sombra de muerte los toman.
Son instables más que la superficie de las aguas; su porción es maldita en la tierra; no andarán por el camino de las viñas.
La sequía y el calor arrebatan las aguas de la nieve; y el sepulcro á los pecadores.
Olvidaráse de ellos el seno materno; de ellos sentirán los gusanos dulzura; nunca más habrá de ellos memoria, y como un árbol serán los impíos quebrantados.
A la mujer estéril que no paría, afligió; y á la viuda nunca hizo bien.
Mas á los fuertes adelantó con su poder: levantóse, y no se da por segura la vida.
Le dieron á crédito, y se afirmó: sus ojos están sobre los caminos de ellos.
Fueron ensalzados por un poco, mas desaparecen, y son abatidos como cada cual: serán encerrados, y cortados como cabezas de espigas.
Y si no, ¿quién me desmentirá ahora, ó reducirá á nada mis palabras?
¿POR qué se amotinan las gentes, y los pueblos piensan vanidad?
Estarán los reyes de la tierra, y príncipes consultarán unidos contra Jehová, y contra su ungido, diciendo:
Rompamos sus coyundas, y echemos de nosotros sus cuerdas.
El que mora en los cielos se reirá; el Señor se burlará de ellos.
Entonces hablará á ellos en su furor, y turbarálos con su ira.
Yo empero he puesto mi rey sobre Sión, monte de mi santidad.
Yo publicaré el decreto: Jehová me ha dicho: Mi hijo eres tú; yo te engendré hoy.
Pídeme, y te daré por heredad las gentes, y por posesión tuya los términos de la tierra.
Quebrantarlos has con vara de hierro: como vaso de alfarero los desmenuzarás.
Y ahora, reyes, entended: admitid corrección, jueces de la tierra.
Servid á Jehová con temor, y alegraos con temblor.
Besad al Hijo, porque no se enoje, y perezcáis en el camino, cuando se encendiere un poco su furor. Bienaventurados todos los que en él confían.
Al Músico principal, sobre Ajeleth-sahar: Salmo de David. DIOS mío, Dios mío, ¿por qué me has dejado? ¿por qué estás lejos de mi salud, y de las palabras de mi clamor?
Dios mío, clamo de día, y no oyes; y de noche, y no hay para mí silencio.
Tú empero eres santo, tú que habitas entre las alabanzas de Israel.
En ti esperaron nuestros padres: esperaron, y tú los libraste.
Clamaron á ti, y fueron librados: esperaron en ti, y no se avergonzaron.
Mas yo soy gusano, y no hombre; oprobio de los hombres, y desecho del pueblo.
Todos los que me ven, escarnecen de mí; estiran los labios, menean la cabeza, diciendo:
Remítese á Jehová, líbrelo; sálvele, puesto que en él se complacía.
Empero tú eres el que me sacó del vientre, el que me haces esperar desde que estaba á los pechos de mi madre.
Sobre ti fuí echado desde la matriz: desde el vientre de mi madre, tú eres mi Dios.
No te alejes de mí, porque la angustia está cerca; porque no hay quien ayude.
Hanme rodeado muchos toros; fuertes toros de Basán me han cercado.
Abrieron sobre mí su boca, como león rapante y rugiente.
Heme escurrido como aguas, y todos mis huesos se descoyuntaron: mi corazón fué como cera, desliéndose en medio de mis entrañas.
Secóse como un tiesto mi vigor, y mi lengua se pegó á mi paladar; y me has puesto en el polvo de la muerte.
Porque perros me han rodeado, hame cercado cuadrilla de malignos: horadaron mis manos y mis pies.
Contar puedo todos mis huesos; ellos miran, considéranme.
Partieron entre sí mis vestidos, y sobre mi ropa echaron suertes.
Mas tú, Jehová, no te alejes; fortaleza mía, apresúrate para mi ayuda.
Libra de la espada mi alma; del poder del perro mi única.
Sálvame de la boca del león, y óyeme librándome de los cuernos de los unicornios.
Anunciaré tu nombre á mis hermanos: en medio de la congregación te alabaré.
Los que teméis á Jehová, alabadle; glorificadle, simiente toda de Jacob; y temed de él, vosotros, simiente toda de Israel.
Porque no menospreció ni abominó la aflicción del pobre, ni de él escondió su rostro; sino que cuando clamó á él, oyóle.
De ti será mi alabanza en la grande congregación; mis votos pagaré delante de los que le temen.
Comerán los pobres, y serán saciados: alabarán á Jehová los que le buscan: vivirá vuestro corazón para siempre.
Acordarse han, y volveránse á Jehová todos los términos de la tierra; y se humillarán delante de ti todas las familias de las gentes.
Porque de Jehová es el reino; y él se enseñoreará de las gentes.
Comerán y adorarán todos los poderosos de la tierra: postraránse delante de él todos los que descienden al polvo, si bien ninguno puede conservar la vida á su propia alma.
La posteridad le servirá; será ella contada por una generación de Jehová.
Vendrán, y anunciarán al pueblo que naciere, su justicia que él hizo.
Al Músico principal: Masquil á los hijos de Coré. COMO el ciervo brama por las corrientes de las aguas, así clama por ti, oh Dios, el alma mía.
Mi alma tiene sed de Dios, del Dios vivo: ¡cuándo vendré, y pareceré delante de Dios!
Fueron mis lágrimas mi pan de día y de noche, mientras me dicen todos los días: ¿Dónde está tu Dios?
Acordaréme de estas cosas, y derramaré sobre mí mi alma: cuando pasaré en el número, iré con ellos hasta la casa de Dios, con voz de alegría y de alabanza, haciendo fiesta la multitud.
¿Por qué te abates, oh alma mía, y te conturbas en mí? Espera á Dios; porque aun le tengo de alabar por las saludes de su presencia.
Dios mío, mi alma está en mí abatida: acordaréme por tanto de ti desde tierra del Jordán, y de los Hermonitas, desde el monte de Mizhar.
Un abismo llama á otro á la voz de tus canales: todas tus ondas y tus olas han pasado sobre mí.
De día mandará Jehová su misericordia, y de noche su canción será conmigo, y oración al Dios de mi vida.
Diré á Dios: Roca mía, ¿por qué te has olvidado de mí? ¿Por qué andaré yo enlutado por la opresión del enemigo?
Mientras se están quebrantando mis huesos, mis enemigos me afrentan, diciéndome cada día: ¿Dónde está tu Dios?
¿Por qué te abates, oh alma mía, y por qué te conturbas en mí? Espera á Dios; porque aun le tengo de alabar; es él salvamento delante de mí, y el Dios mío.
Al Músico principal: á Jeduthún: Salmo de David. EN Dios solamente está acallada mi alma: de él viene mi salud.
El solamente es mi fuerte, y mi salud; es mi refugio, no resbalaré mucho.
¿Hasta cuándo maquinaréis contra un hombre? Pereceréis todos vosotros, caeréis como pared acostada, como cerca ruinosa.
Solamente consultan de arrojarle de su grandeza; aman la mentira, con su boca bendicen, pero maldicen en sus entrañas. (Selah.)
Alma mía, en Dios solamente reposa; porque de él es mi esperanza.
El solamente es mi fuerte y mí salud: es mi refugio, no resbalaré.
En Dios está mi salvación y mi gloria: en Dios está la roca de mi fortaleza, y mi refugio.
Esperad en él en todo tiempo, oh pueblos; derramad delante de él vuestro corazón: Dios es nuestro amparo. (Selah.)
Por cierto, vanidad son los hijos de los hombres, mentira los hijos de varón: pesándolos á todos igualmente en la balanza, serán menos que la vanidad.
No confiéis en la violencia, ni en la rapiña; no os envanezcáis: si se aumentare la hacienda, no pongáis el corazón en ella.
Una vez habló Dios; dos veces he oído esto: Que de Dios es la fortaleza.
Y de ti, oh Señor, es la misericordia: porque tú pagas á cada uno conforme á su obra.
Salmo de Asaph. DIOS está en la reunión de los dioses; en medio de los dioses juzga.
¿Hasta cuándo juzgaréis injustamente, y aceptaréis las personas de los impíos? (Selah.)
Defended al pobre y al huérfano: haced justicia al afligido y al menesteroso.
Librad al afligido y al necesitado: libradlo de mano de los impíos.
No saben, no entienden, andan en tinieblas: vacilan todos los cimientos de la tierra.
Yo dije: Vosotros sois dioses, é hijos todos vosotros del Altísimo.
Empero como hombres moriréis, y caeréis como cualquiera de los tiranos.
Levántate, oh Dios, juzga la tierra: porque tú heredarás en todas las gentes.
Oración del pobre, cuando estuviere angustiado, y delante de Jehová derramare su lamento. JEHOVÁ, oye mi oración, y venga mi clamor á ti.
No escondas de mí tu rostro: en el día de mi angustia inclina á mí tu oído; el día que te invocare, apresúrate á responderme.
Porque mis días se han consumido como humo; y mis huesos cual tizón están quemados.
Mi corazón fué herido, y secóse como la hierba; por lo cual me olvidé de comer mi pan.
Por la voz de mi gemido mis huesos se han pegado á mi carne.
Soy semejante al pelícano del desierto; soy como el buho de las soledades.
Velo, y soy como el pájaro solitario sobre el tejado.
Cada día me afrentan mis enemigos; los que se enfurecen contra mí, hanse contra mí conjurado.
Por lo que como la ceniza á manera de pan, y mi bebida mezclo con lloro,
A causa de tu enojo y de tu ira; pues me alzaste, y me has arrojado.
Mis días son como la sombra que se va; y heme secado como la hierba.
Mas tú, Jehová, permanecerás para siempre, y tu memoria para generación y generación.
Tú levantándote, tendrás misericordia de Sión; porque el tiempo de tener misericordia de ella, porque el plazo es llegado.
Porque tus siervos aman sus piedras, y del polvo de ella tienen compasión.
Entonces temerán las gentes el nombre de Jehová, y todos los reyes de la tierra tu gloria;
Por cuanto Jehová habrá edificado á Sión, y en su gloria será visto;
Habrá mirado á la oración de los solitarios, y no habrá desechado el ruego de ellos.
Escribirse ha esto para la generación venidera: y el pueblo que se criará, alabará á JAH.
Porque miró de lo alto de su santuario; Jehová miró de los cielos á la tierra,
Para oir el gemido de los presos, para soltar á los sentenciados á muerte;
Porque cuenten en Sión el nombre de Jehová, y su alabanza en Jerusalem,
Cuando los pueblos se congregaren en uno, y los reinos, para servir á Jehová.
El afligió mi fuerza en el camino; acortó mis días.
Dije: Dios mío, no me cortes en el medio de mis días: por generación de generaciones son tus años.
Tú fundaste la tierra antiguamente, y los cielos son obra de tus manos.
Ellos perecerán, y tú permanecerás; y todos ellos como un vestido se envejecerán; como una ropa de vestir los mudarás, y serán mudados:
Mas tú eres el mismo, y tus años no se acabarán.
Los hijos de tus siervos habitarán, y su simiente será afirmada delante de ti.
Cántico gradual: de David. YO me alegré con los que me decían: A la casa de Jehová iremos.
Nuestros pies estuvieron en tus puertas, oh Jerusalem;
Jerusalem, que se ha edificado como una ciudad que está bien unida entre sí.
Y allá subieron las tribus, las tribus de JAH, conformeal testimoniodadoá Israel, para alabar el nombre de Jehová.
Porque allá están las sillas del juicio, las sillas de la casa de David.
Pedid la paz de Jerusalem: sean prosperados los que te aman.
Haya paz en tu antemuro, y descanso en tus palacios.
Por amor de mis hermanos y mis compañeros hablaré ahora paz de ti.
A causa de la casa de Jehová nuestro Dios, buscaré bien para ti.
Masquil de David: Oración que hizo cuando estaba en la cueva. CON mi voz clamaré á Jehová, con mi voz pediré á Jehová misericordia.
Delante de él derramaré mi querella; delante de él denunciaré mi angustia.
Cuando mi espíritu se angustiaba dentro de mí, tú conociste mi senda. En el camino en que andaba, me escondieron lazo.
Miraba á la mano derecha, y observaba; mas no había quien me conociese; no tuve refugio, no había quien volviese por mi vida.
Clamé á ti, oh Jehová, dije: Tú eres mi esperanza, y mi porción en la tierra de los vivientes.
Escucha mi clamor, que estoy muy afligido; líbrame de los que me persiguen, porque son más fuertes que yo.
Saca mi alma de la cárcel para que alabe tu nombre: Me rodearán los justos, porque tú me serás propicio.
EL que ama la corrección ama la sabiduría: mas el que aborrece la reprensión, es ignorante.
El bueno alcanzará favor de Jehová: mas él condenará al hombre de malos pensamientos.
El hombre no se afirmará por medio de la impiedad: mas la raíz de los justos no será movida.
La mujer virtuosa corona es de su marido: mas la mala, como carcoma en sus huesos.
Los pensamientos de los justos son rectitud; mas los consejos de los impíos, engaño.
Las palabras de los impíos son para acechar la sangre: mas la boca de los rectos los librará.
Dios trastornará á los impíos, y no serán más: mas la casa de los justos permanecerá.
Según su sabiduría es alabado el hombre: mas el perverso de corazón será en menosprecio.
Mejor es el que es menospreciado y tiene servidores, que el que se precia, y carece de pan.
El justo atiende á la vida de su bestia: mas las entrañas de los impíos son crueles.
El que labra su tierra, se hartará de pan: mas el que sigue los vagabundos es falto de entendimiento.
Desea el impío la red de los malos: mas la raíz de los justos dará fruto.
El impío es enredado en la prevaricación de sus labios: mas el justo saldrá de la tribulación.
El hombre será harto de bien del fruto de su boca: y la paga de las manos del hombre le será dada.
El camino del necio es derecho en su opinión: mas el que obedece al consejo es sabio.
El necio luego al punto da á conocer su ira: mas el que disimula la injuria es cuerdo.
El que habla verdad, declara justicia; mas el testigo mentiroso, engaño.
Hay quienes hablan como dando estocadas de espada: mas la lengua de los sabios es medicina.
El labio de verdad permanecerá para siempre: mas la lengua de mentira por un momento.
Engaño hay en el corazón de los que piensan mal: mas alegría en el de los que piensan bien.
Ninguna adversidad acontecerá al justo: mas los impíos serán llenos de mal.
Los labios mentirosos son abominación á Jehová: mas los obradores de verdad su contentamiento.
El hombre cuerdo encubre la ciencia: mas el corazón de los necios publica la necedad.
La mano de los diligentes se enseñoreará: mas la negligencia será tributaria.
El cuidado congojoso en el corazón del hombre, lo abate; mas la buena palabra lo alegra.
El justo hace ventaja á su prójimo: mas el camino de los impíos les hace errar.
El indolente no chamuscará su caza: mas el haber precioso del hombre es la diligencia.
En el camino de la justicia está la vida; y la senda de su vereda no es muerte.
PALABRAS del Predicador, hijo de David, rey en Jerusalem.
Vanidad de vanidades, dijo el Predicador; vanidad de vanidades, todo vanidad.
¿Qué provecho tiene el hombre de todo su trabajo con que se afana debajo del sol?
Generación va, y generación viene: mas la tierra siempre permanece.
Y sale el sol, y pónese el sol, y con deseo vuelve á su lugar donde torna á nacer.
El viento tira hacia el mediodía, y rodea al norte; va girando de continuo, y á sus giros torna el viento de nuevo.
Los ríos todos van á la mar, y la mar no se hinche; al lugar de donde los ríos vinieron, allí tornan para correr de nuevo.
Todas las cosas andan en trabajo más que el hombre pueda decir: ni los ojos viendo se hartan de ver, ni los oídos se hinchen de oir.
¿Qué es lo que fué? Lo mismo que será. ¿Qué es lo que ha sido hecho? Lo mismo que se hará: y nada hay nuevo debajo del sol.
¿Hay algo de que se pueda decir: He aquí esto es nuevo? Ya fué en los siglos que nos han precedido.
No hay memoria de lo que precedió, ni tampoco de lo que sucederá habrá memoria en los que serán después.
Yo el Predicador fuí rey sobre Israel en Jerusalem.
Y dí mi corazón á inquirir y buscar con sabiduría sobre todo lo que se hace debajo del cielo: este penoso trabajo dió Dios á los hijos de los hombres, en que se ocupen.
Yo miré todas las obras que se hacen debajo del sol; y he aquí, todo ello es vanidad y aflicción de espíritu.
Lo torcido no se puede enderezar; y lo falto no puede contarse.
Hablé yo con mi corazón, diciendo: He aquí hállome yo engrandecido, y he crecido en sabiduría sobre todos los que fueron antes de mí en Jerusalem; y mi corazón ha percibido muchedumbre de sabiduría y ciencia.
Y dí mi corazón á conocer la sabiduría, y también á entender las locuras y los desvaríos: conocí que aun esto era aflicción de espíritu.
Porque en la mucha sabiduría hay mucha molestia; y quien añade ciencia, añade dolor.
VISIÓN de Isaías hijo de Amoz, la cual vió sobre Judá y Jerusalem, en días de Uzzías, Jotham, Achâz y Ezechîas, reyes de Judá.
Oid, cielos, y escucha tú, tierra; porque habla Jehová: Crié hijos, y engrandecílos, y ellos se rebelaron contra mí.
El buey conoce á su dueño, y el asno el pesebre de su señor: Israel no conoce, mi pueblo no tiene entendimiento.
¡Oh gente pecadora, pueblo cargado de maldad, generación de malignos, hijos depravados! Dejaron á Jehová, provocaron á ira al Santo de Israel, tornáronse atrás.
¿Para qué habéis de ser castigados aún? todavía os rebelaréis. Toda cabeza está enferma, y todo corazón doliente.
Desde la planta del pie hasta la cabeza no hay en él cosa ilesa, sino herida, hinchazón y podrida llaga: no están curadas, ni vendadas, ni suavizadas con aceite.
Vuestra tierra está destruída, vuestras ciudades puestas á fuego, vuestra tierra delante de vosotros comida de extranjeros, y asolada como asolamiento de extraños.
Y queda la hija de Sión como choza en viña, y como cabaña en melonar, como ciudad asolada.
Si Jehová de los ejércitos no hubiera hecho que nos quedasen muy cortos residuos, como Sodoma fuéramos, y semejantes á Gomorra.
Príncipes de Sodoma, oid la palabra de Jehová; escuchad la ley de nuestro Dios, pueblo de Gomorra.
¿Para qué á mí, dice Jehová, la multitud de vuestros sacrificios? Harto estoy de holocaustos de carneros, y de sebo de animales gruesos: no quiero sangre de bueyes, ni de ovejas, ni de machos cabríos.
¿Quién demandó esto de vuestras manos, cuando vinieseis á presentaros delante de mí, para hollar mis atrios?
No me traigáis más vano presente: el perfume me es abominación: luna nueva y sábado, el convocar asambleas, no las puedo sufrir: son iniquidad vuestras solemnidades.
Vuestras lunas nuevas y vuestras solemnidades tiene aborrecidas mi alma: me son gravosas; cansado estoy de llevarlas.
Cuando extendiereis vuestras manos, yo esconderé de vosotros mis ojos: asimismo cuando multiplicareis la oración, yo no oiré: llenas están de sangre vuestras manos.
Lavad, limpiaos; quitad la iniquidad de vuestras obras de ante mis ojos; dejad de hacer lo malo:
Aprended á hacer bien; buscad juicio, restituid al agraviado, oid en derecho al huérfano, amparad á la viuda.
Venid luego, dirá Jehová, y estemos á cuenta: si vuestros pecados fueren como la grana, como la nieve serán emblanquecidos: si fueren rojos como el carmesí, vendrán á ser como blanca lana.
Si quisiereis y oyereis, comeréis el bien de la tierra:
Si no quisiereis y fuereis rebeldes, seréis consumidos á espada: porque la boca de Jehová lo ha dicho.
¿Cómo te has tornado ramera, oh ciudad fiel? Llena estuvo de juicio, en ella habitó equidad; mas ahora, homicidas.
Tu plata se ha tornado escorias, tu vino mezclado está con agua.
Tus príncipes, prevaricadores y compañeros de ladrones: todos aman las dádivas, y van tras las recompensas: no oyen en juicio al huérfano, ni llega á ellos la causa de la viuda.
Por tanto, dice el Señor Jehová de los ejércitos, el Fuerte de Israel: Ea, tomaré satisfacción de mis enemigos, vengaréme de mis adversarios:
Y volveré mi mano sobre ti, y limpiaré hasta lo más puro tus escorias, y quitaré todo tu estaño:
Y restituiré tus jueces como al principio, y tus consejeros como de primero: entonces te llamarán Ciudad de justicia, Ciudad fiel.
Sión con juicio será rescatada, y los convertidos de ella con justicia.
Mas los rebeldes y pecadores á una serán quebrantados, y los que dejan á Jehová serán consumidos.
Entonces os avergonzarán los olmos que amasteis, y os afrentarán los bosques que escogisteis.
Porque seréis como el olmo que se le cae la hoja, y como huerto que le faltan las aguas.
Y el fuerte será como estopa, y lo que hizo como centella; y ambos serán encendidos juntamente, y no habrá quien apague.
CARGA del desierto de la mar. Como los torbellinos que pasan por el desierto en la región del mediodía, asívienen de la tierra horrenda.
Visión dura me ha sido mostrada. El prevaricador prevarica, y el destructor destruye. Sube, Persa; cerca, Medo. Todo su gemido hice cesar.
Por tanto mis lomos se han llenado de dolor; angustias se apoderaron de mí, como angustias de mujer de parto: agobiéme oyendo, y al ver heme espantado.
Pasmóse mi corazón, el horror me ha intimidado; la noche de mi deseo se me tornó en espanto.
Pon la mesa, mira del atalaya, come, bebe: levantaos, príncipes, ungid el escudo.
Porque el Señor me dijo así: Ve, pon centinela que haga saber lo que viere.
Y vió un carro de un par de caballeros, un carro de asno, y un carro de camello. Luego miró muy más atentamente.
Y gritó como un león: Señor, sobre la atalaya estoy yo continuamente de día, y las noches enteras sobre mi guarda:
Y he aquí este carro de hombres viene, un par de caballeros. Después habló, y dijo: Cayó, cayó Babilonia; y todos los ídolos de sus dioses quebrantó en tierra.
Trilla mía, y paja de mi era: os he dicho lo que oí de Jehová de los ejércitos, Dios de Israel.
Carga de Duma. Danme voces de Seir: Guarda, ¿qué de la noche? Guarda, ¿qué de la noche?
El guarda respondió: La mañana viene, y después la noche: si preguntareis, preguntad; volved, venid.
Carga sobre Arabia. En el monte tendréis la noche en Arabia, oh caminantes de Dedanim.
Salid á encontrar al sediento; llevadle aguas, moradores de tierra de Tema, socorred con su pan al que huye.
Porque de la presencia de las espadas huyen, de la presencia de la espada desnuda, de la presencia del arco entesado, de la presencia del peso de la batalla.
Porque así me ha dicho Jehová: De aquí á un año, semejante á años de mozo de soldada, toda la gloria de Cedar será deshecha;
Y las reliquias del número de los valientes flecheros, hijos de Cedar, serán apocadas: porque Jehová Dios de Israel lo ha dicho.
ESCUCHADME, islas, y esfuércense los pueblos; alléguense, y entonces hablen: estemos juntamente á juicio.
¿Quién despertó del oriente al justo, lo llamó para que le siguiese, entregó delante de él naciones, é hízolo enseñorear de reyes; entrególos á su espada como polvo, y á su arco como hojarascas arrebatadas?
Siguiólos, pasó en paz por camino por donde sus pies nunca habían entrado.
¿Quién obró é hizo esto? ¿Quién llama las generaciones desde el principio? Yo Jehová, el primero, y yo mismo con los postreros.
Las islas vieron, y tuvieron temor; los términos de la tierra se espantaron: congregáronse, y vinieron.
Cada cual ayudó á su cercano; y á su hermano dijo: Esfuérzate.
El carpintero animó al platero, y el que alisa con martillo al que batía en el yunque, diciendo, Buena está la soldadura; y afirmólo con clavos, porque no se moviese.
Mas tú, Israel, siervo mío eres; tú, Jacob, á quien yo escogí, simiente de Abraham mi amigo.
Porque te tomé de los extremos de la tierra, y de sus principales te llamé, y te dije: Mi siervo eres tú; te escogí, y no te deseché.
No temas, que yo soy contigo; no desmayes, que yo soy tu Dios que te esfuerzo: siempre te ayudaré, siempre te sustentaré con la diestra de mi justicia.
He aquí que todos los que se airan contra ti, serán avergonzados y confundidos: serán como nada y perecerán, los que contienden contigo.
Los buscarás, y no los hallarás, los que tienen contienda contigo; serán como nada, y como cosa que no es, aquellos que te hacen guerra.
Porque yo Jehová soy tu Dios, que te ase de tu mano derecha, y te dice: No temas, yo te ayudé.
No temas, gusano de Jacob, oh vosotros los pocos de Israel; yo te socorrí, dice Jehová, y tu Redentor el Santo de Israel.
He aquí que yo te he puesto por trillo, trillo nuevo, lleno de dientes: trillarás montes y los molerás, y collados tornarás en tamo.
Los aventarás, y los llevará el viento, y esparcirálos el torbellino. Tú empero te regocijarás en Jehová, te gloriarás en el Santo de Israel.
Los afligidos y menesterosos buscan las aguas, que no hay; secóse de sed su lengua; yo Jehová los oiré, yo el Dios de Israel no los desampararé.
En los altos abriré ríos, y fuentes en mitad de los llanos: tornaré el desierto en estanques de aguas, y en manaderos de aguas la tierra seca.
Daré en el desierto cedros, espinos, arrayanes, y olivas; pondré en la soledad hayas, olmos, y álamos juntamente;
Porque vean y conozcan, y adviertan y entiendan todos, que la mano de Jehová hace esto, y que el Santo de Israel lo crió.
Alegad por vuestra causa, dice Jehová: exhibid vuestros fundamentos, dice el Rey de Jacob.
Traigan, y anúnciennos lo que ha de venir: dígannos lo que ha pasado desde el principio, y pondremos nuestro corazón en ello: sepamos también su postrimería, y hacednos entender lo que ha de venir.
Dadnos nuevas de lo que ha de ser después, para que sepamos que vosotros sois dioses; ó á lo menos haced bien, ó mal, para que tengamos qué contar, y juntamente nos maravillemos.
He aquí que vosotros sois de nada, y vuestras obras de vanidad; abominación el que os escogió.
Del norte desperté uno, y vendrá; del nacimiento del sol llamará en mi nombre: y hollará príncipes como lodo, y como pisa el barro el alfarero.
¿Quién lo anunció desde el principio, para que sepamos; ó de tiempo atrás, y diremos: Es justo? Cierto, no hay quien anuncie, sí, no hay quien enseñe, ciertamente no hay quien oiga vuestras palabras.
Yo soy el primero que he enseñado estas cosas á Sión, y á Jerusalem daré un portador de alegres nuevas.
Miré, y no había ninguno; y pregunté de estas cosas, y ningún consejero hubo: preguntéles, y no respondieron palabra.
He aquí, todos iniquidad, y las obras de ellos nada: viento y vanidad son sus vaciadizos.
EL espíritu del Señor Jehová es sobre mí, porque me ungió Jehová; hame enviado á predicar buenas nuevas á los abatidos, á vendar á los quebrantados de corazón, á publicar libertad á los cautivos, y á los presos abertura de la cárcel;
A promulgar año de la buena voluntad de Jehová, y día de venganza del Dios nuestro; á consolar á todos los enlutados;
A ordenar á Sión á los enlutados, para darles gloria en lugar de ceniza, óleo de gozo en lugar del luto, manto de alegría en lugar del espíritu angustiado; y serán llamados árboles de justicia, plantío de Jehová, para gloria suya.
Y edificarán los desiertos antiguos, y levantarán los asolamientos primeros, y restaurarán las ciudades asoladas, los asolamientos de muchas generaciones.
Y estarán extranjeros, y apacentarán vuestras ovejas, y los extraños serán vuestros labradores y vuestros viñadores.
Y vosotros seréis llamados sacerdotes de Jehová, ministros del Dios nuestro seréis dichos: comeréis las riquezas de las gentes, y con su gloria seréis sublimes.
En lugar de vuestra doble confusión, y de vuestra deshonra, os alabarán en sus heredades; por lo cual en sus tierras poseerán doblado, y tendrán perpetuo gozo.
Porque yo Jehová soy amador del derecho, aborrecedor del latrocinio para holocausto; por tanto afirmaré en verdad su obra, y haré con ellos pacto perpetuo.
Y la simiente de ellos será conocida entre las gentes, y sus renuevos en medio de los pueblos; todos los que los vieren, los conocerán, que son simiente bendita de Jehová.
En gran manera me gozaré en Jehová, mi alma se alegrará en mi Dios; porque me vistió de vestidos de salud, rodeóme de manto de justicia, como á novio me atavió, y como á novia compuesta de sus joyas.
Porque como la tierra produce su renuevo, y como el huerto hace brotar su simiente, así el Señor Jehová hará brotar justicia y alabanza delante de todas las gentes.
Y DÍJOME Jehová: Si Moisés y Samuel se pusieran delante de mí, mi voluntad no será con este pueblo: échalos de delante de mí, y salgan.
Y será que si te preguntaren: ¿A dónde saldremos? les dirás: Así ha dicho Jehová: El que á muerte, á muerte; y el que á cuchillo, á cuchillo; y el que á hambre, á hambre; y el que á cautividad, á cautividad.
Y enviaré sobre ellos cuatro géneros, dice Jehová: cuchillo para matar, y perros para despedazar, y aves del cielo y bestias de la tierra, para devorar y para disipar.
Y entregarélos á ser agitados por todos los reinos de la tierra, á causa de Manasés hijo de Ezechîas rey de Judá, por lo que hizo en Jerusalem.
Porque ¿quién tendrá compasión de ti, oh Jerusalem? ¿ó quién se entristecerá por tu causa? ¿ó quién ha de venir á preguntar por tu paz?
Tú me dejaste, dice Jehová, atrás te volviste: por tanto yo extenderé sobre ti mi mano, y te destruiré; estoy cansado de arrepentirme.
Y aventélos con aventador hasta las puertas de la tierra; desahijé, desbaraté mi pueblo; no se tornaron de sus caminos.
Sus viudas se me multiplicaron más que la arena de la mar; traje contra ellos destruidor á medio día sobre la madre y los hijos; sobre la ciudad hice que de repente cayesen terrores.
Enflaquecióse la que parió siete; llenóse de dolor su alma; su sol se le puso siendo aún de día; fué avergonzada y llena de confusión: y lo que de ella quedare, entregarélo á cuchillo delante de sus enemigos, dice Jehová.
¡Ay de mí, madre mía, que me has engendrado hombre de contienda y hombre de discordia á toda la tierra! Nunca les dí á logro, ni lo tomé de ellos; y todos me maldicen.
Dijo Jehová: De cierto tus reliquias serán en bien; de cierto haré que el enemigo te salga á recibir en el tiempo trabajoso, y en el tiempo de angustia.
¿Quebrará el hierro al hierro de la parte de aquilón, y al bronce?
Tus riquezas y tus tesoros daré á saco sin ningún precio, por todos tus pecados, y en todos tus términos;
Y te haré pasar á tus enemigos en tierra que no conoces: porque fuego se ha encendido en mi furor, y arderá sobre vosotros.
Tú lo sabes, oh Jehová; acuérdate de mí, y visítame, y véngame de mis enemigos. No me tomes en la prolongación de tu enojo: sabes que por amor de ti sufro afrenta.
Halláronse tus palabras, y yo las comí; y tu palabra me fué por gozo y por alegría de mi corazón: porque tu nombre se invocó sobre mí, oh Jehová Dios de los ejércitos.
No me senté en compañía de burladores, ni me engreí á causa de tu profecía; sentéme solo, porque me llenaste de desabrimiento.
¿Por qué fué perpetuo mi dolor, y mi herida desahuciada no admitió cura? ¿Serás para mí como cosa ilusoria, como aguas que no son estables?
Por tanto así dijo Jehová: Si te convirtieres, yo te repondré, y delante de mí estarás; y si sacares lo precioso de lo vil, serás como mi boca. Conviértanse ellos á ti, y tú no te conviertas á ellos.
Y te daré para este pueblo por fuerte muro de bronce, y pelearán contra ti, y no te vencerán: porque yo estoy contigo para guardarte y para defenderte, dice Jehová.
Y librarte he de la mano de los malos, y te redimiré de la mano de los fuertes.
PALABRA que fué á Jeremías de Jehová en días de Joacim hijo de Josías, rey de Judá, diciendo:
Ve á casa de los Rechâbitas, y habla con ellos, é introdúcelos en la casa de Jehová, en una de las cámaras, y dales á beber vino.
Tomé entonces á Jaazanías hijo de Jeremías, hijo de Habassinías, y á sus hermanos, y á todos sus hijos, y á toda la familia de los Rechâbitas;
Y metílos en la casa de Jehová, en la cámara de los hijos de Hanán, hijo de Igdalías, varón de Dios, la cual estaba junto á la cámara de los príncipes, que estaba sobre la cámara de Maasías hijo de Sallum, guarda de los vasos.
Y puse delante de los hijos de la familia de los Rechâbitas tazas y copas llenas de vino, y díjeles: Bebed vino.
Mas ellos dijeron: No beberemos vino; porque Jonadab hijo de Rechâb nuestro padre nos mandó, diciendo: No beberéis jamás vino vosotros ni vuestros hijos:
Ni edificaréis casa, ni sembraréis sementera, ni plantaréis viña, ni la tendréis: mas moraréis en tiendas todos vuestros días, para que viváis muchos días sobre la haz de la tierra donde vosotros peregrináis.
Y nosotros hemos obedecido á la voz de Jonadab nuestro padre, hijo de Rechâb, en todas las cosas que nos mandó, de no beber vino en todos nuestros días, nosotros, ni nuestras mujeres, ni nuestros hijos, ni nuestras hijas;
Y de no edificar casas para nuestra morada, y de no tener viña, ni heredad, ni sementera.
Moramos pues en tiendas, y hemos obedecido y hecho conforme á todas las cosas que nos mandó Jonadab nuestro padre.
Sucedió, empero, que cuando Nabucodonosor rey de Babilonia subió á la tierra, dijimos: Venid, y entrémonos en Jerusalem, de delante del ejército de los Caldeos y de delante del ejército de los de Siria: y en Jerusalem nos quedamos.
Y fué palabra de Jehová á Jeremías, diciendo:
Así ha dicho Jehová de los ejércitos, Dios de Israel: Ve, y di á los varones de Judá, y á los moradores de Jerusalem: ¿No recibiréis instrucción para obedecer á mis palabras? dice Jehová.
Fué firme la palabra de Jonadab hijo de Rechâb, el cual mandó á sus hijos que no bebiesen vino, y no lo han bebido hasta hoy, por obedecer al mandamiento de su padre; y yo os he hablado á vosotros, madrugando y hablando, y no me habéis oído.
Y envié á vosotros á todos mis siervos los profetas, madrugando y enviándolos á decir: Tornaos ahora cada uno de su mal camino, y enmendad vuestras obras, y no vayáis tras dioses ajenos para servirles, y viviréis en la tierra que dí á vosotros y á vuestros padres: mas no inclinasteis vuestro oído, ni me oísteis.
Ciertamente los hijos de Jonadab, hijo de Rechâb, tuvieron por firme el mandamiento que les dió su padre; mas este pueblo no me ha obedecido.
Por tanto, así ha dicho Jehová Dios de los ejércitos, Dios de Israel: He aquí traeré yo sobre Judá y sobre todos los moradores de Jerusalem todo el mal que contra ellos he hablado: porque les hablé, y no oyeron; llamélos, y no han respondido.
Y dijo Jeremías á la familia de los Rechâbitas: Así ha dicho Jehová de los ejércitos, Dios de Israel: Porque obedecisteis al mandamiento de Jonadab vuestro padre, y guardasteis todos sus mandamientos, é hicisteis conforme á todas las cosas que os mandó;
Por tanto, así ha dicho Jehová de los ejércitos, Dios de Israel: No faltará varón de Jonadab, hijo de Rechâb, que esté en mi presencia todos los días.
YO soy el hombre que ha visto aflicción en la vara de su enojo.
Guióme y llevóme en tinieblas, mas no en luz.
Ciertamente contra mí volvió y revolvió su mano todo el día.
Hizo envejecer mi carne y mi piel; quebrantó mis huesos.
Edificó contra mí, y cercóme de tósigo y de trabajo.
Asentóme en oscuridades, como los ya muertos de mucho tiempo.
Cercóme por todos lados, y no puedo salir; agravó mis grillos.
Aun cuando clamé y dí voces, cerro los oídos á mi oración.
Cercó mis caminos con piedra tajada, torció mis senderos.
Como oso que acecha fué para mí, como león en escondrijos.
Torció mis caminos, y depedazóme; tornóme asolado.
Su arco entesó, y púsome como blanco á la saeta.
Hizo entrar en mis riñones las saetas de su aljaba.
Fuí escarnio á todo mi pueblo, canción de ellos todos los días.
Hartóme de amarguras, embriagóme de ajenjos.
Quebróme los dientes con cascajo, cubrióme de ceniza.
Y mi alma se alejó de la paz, olvidéme del bien.
Y dije: Pereció mi fortaleza, y mi esperanza de Jehová.
Acuérdate de mi aflicción y de mi abatimiento, del ajenjo y de la hiel.
Tendrálo aún en memoria mi alma, porque en mí está humillada.
Esto reduciré á mi corazón, por lo cual esperaré.
Es por la misericordia de Jehová que no somos consumidos, porque nunca decayeron sus misericordias.
Nuevas son cada mañana; grande es tu fidelidad.
Mi parte es Jehová, dijo mi alma; por tanto en él esperaré.
Bueno es Jehová á los que en él esperan, al alma que le buscare.
Bueno es esperar callando en la salud de Jehová.
Bueno es al hombre, si llevare el yugo desde su mocedad.
Pondrá su boca en el polvo, por si quizá hay esperanza.
Dará la mejilla al que le hiriere; hartaráse de afrenta.
Porque el Señor no desechará para siempre:
Antes si afligiere, también se compadecerá según la multitud de sus misericordias.
Porque no aflige ni congoja de su corazón á los hijos de los hombres.
Desmenuzar bajo de sus pies todos los encarcelados de la tierra,
Hacer apartar el derecho del hombre ante la presencia del Altísimo,
Trastornar al hombre en su causa, el Señor no lo sabe.
¿Quién será aquel que diga, que vino algo que el Señor no mandó?
¿De la boca del Altísimo no saldrá malo y bueno?
¿Por qué murmura el hombre viviente, el hombre en su pecado?
Escudriñemos nuestros caminos, y busquemos, y volvámonos á Jehová.
Levantemos nuestros corazones con las manos á Dios en los cielos.
Nosotros nos hemos rebelado, y fuimos desleales; tú no perdonaste.
Desplegaste la ira, y nos perseguiste; mataste, no perdonaste.
Te cubriste de nube, porque no pasase la oración nuestra.
Raedura y abominación nos tornaste en medio de los pueblos.
Todos nuestros enemigos abrieron sobre nosotros su boca.
Temor y lazo fué para nosotros, asolamiento y quebrantamiento.
Ríos de aguas echan mis ojos, por el quebrantamiento de la hija de mi pueblo.
Mis ojos destilan, y no cesan, porque no hay alivio,
Hasta que Jehová mire y vea desde los cielos.
Mis ojos contristaron mi alma, por todas las hijas de mi ciudad.
Mis enemigos me dieron caza como á ave, sin por qué.
Ataron mi vida en mazmorra, pusieron piedra sobre mí.
Aguas de avenida vinieron sobre mi cabeza; yo dije: Muerto soy.
Invoqué tu nombre, oh Jehová, desde la cárcel profunda.
Oiste mi voz; no escondas tu oído á mi clamor, para mi respiro.
Acercástete el día que te invoqué: dijiste: No temas.
Abogaste, Señor, la causa de mi alma; redimiste mi vida.
Tú has visto, oh Jehová, mi agravio; defiende mi causa.
Tú has visto toda su venganza; todos sus pensamientos contra mí.
Tú has oído el oprobio de ellos, oh Jehová, todas sus maquinaciones contra mí;
Los dichos de los que contra mí se levantaron, y su designio contra mí todo el día.
Su sentarse, y su levantarse mira: yo soy su canción.
Dales el pago, oh Jehová, según la obra de sus manos.
Dales ansia de corazón, tu maldición á ellos.
Persíguelos en tu furor, y quebrántalos de debajo de los cielos, oh Jehová.
Y FUÉ á mí palabra de Jehová, diciendo:
¿Qué pensáis vosotros, vosotros que usáis este refrán sobre la tierra de Israel, diciendo: Los padres comieron el agraz, y los dientes de los hijos tienen la dentera?
Vivo yo, dice el Señor Jehová, que nunca más tendréis por qué usar este refrán en Israel.
He aquí que todas las almas son mías; como el alma del padre, así el alma del hijo es mía; el alma que pecare, esa morirá.
Y el hombre que fuere justo, é hiciere juicio y justicia;
Que no comiere sobre los montes, ni alzare sus ojos á los ídolos de la casa de Israel, ni violare la mujer de su prójimo, ni llegare á la mujer menstruosa,
Ni oprimiere á ninguno; al deudor tornare su prenda, no cometiere robo, diere de su pan al hambriento, y cubriere al desnudo con vestido,
No diere á logro, ni recibiere aumento; de la maldad retrajere su mano, é hiciere juicio de verdad entre hombre y hombre,
En mis ordenanzas caminare, y guardare mis derechos para hacer verdad, éste es justo: éste vivirá, dice el Señor Jehová.
Mas si engendrare hijo ladrón, derramador de sangre, ó que haga alguna cosa de éstas,
Y que no haga las otras; antes comiere sobre los montes, ó violare la mujer de su prójimo,
Al pobre y menesteroso oprimiere, cometiere robos, no tornare la prenda, ó alzare sus ojos á los ídolos, é hiciere abominación,
Diere á usura, y recibiere aumento: ¿vivirá éste? No vivirá. Todas estas abominaciones hizo; de cierto morirá; su sangre será sobre él.
Pero si éste engendrare hijo, el cual viere todos los pecados que su padre hizo, y viéndolos no hiciere según ellos:
No comiere sobre los montes, ni alzare sus ojos á los ídolos de la casa de Israel; la mujer de su prójimo no violare,
Ni oprimiere á nadie; la prenda no empeñare, ni cometiere robos; al hambriento diere de su pan, y cubriere de vestido al desnudo;
Apartare su mano del pobre, usura ni aumento no recibiere; hiciere mis derechos, y anduviere en mis ordenanzas, éste no morirá por la maldad de su padre; de cierto vivirá.
Su padre, por cuanto hizo agravio, despojó violentamente al hermano, é hizo en medio de su pueblo lo que no es bueno, he aquí que él morirá por su maldad.
Y si dijereis: ¿Por qué el hijo no llevará por el pecado de su padre? Porque el hijo hizo juicio y justicia, guardó todas mis ordenanzas, y las hizo, de cierto vivirá.
El alma que pecare, esa morirá: el hijo no llevará por el pecado del padre, ni el padre llevará por el pecado del hijo: la justicia del justo será sobre él, y la impiedad del impío será sobre él.
Mas el impío, si se apartare de todos sus pecados que hizo, y guardare todas mis ordenanzas, é hiciere juicio y justicia, de cierto vivirá; no morirá.
Todas sus rebeliones que cometió, no le serán recordadas: en su justicia que hizo vivirá.
¿Quiero yo la muerte del impío? dice el Señor Jehová. ¿No vivirá, si se apartare de sus caminos?
Mas si el justo se apartare de su justicia, y cometiere maldad, é hiciere conforme á todas las abominaciones que el impío hizo, ¿vivirá él? Todas las justicias que hizo no vendrán en memoria; por su rebelión con que prevaricó, y por su pecado que cometió, por ello morirá.
Y si dijereis: No es derecho el camino del Señor: oid ahora, casa de Israel: ¿No es derecho mi camino? ¿no son vuestros caminos torcidos?
Apartándose el justo de su justicia, y haciendo iniquidad, él morirá por ello: por su iniquidad que hizo, morirá.
Y apartándose el impío de su impiedad que hizo, y haciendo juicio y justicia, hará vivir su alma.
Porque miró, y apartóse de todas sus prevaricaciones que hizo, de cierto vivirá, no morirá.
Si aun dijere la casa de Israel: No es derecho el camino del Señor: ¿No son derechos mis caminos, casa de Israel? Cierto, vuestros caminos no son derechos.
Por tanto, yo os juzgaré á cada uno según sus caminos, oh casa de Israel, dice el Señor Jehová. Convertíos, y volveos de todas vuestras iniquidades; y no os será la iniquidad causa de ruina.
Echad de vosotros todas vuestras iniquidades con que habéis prevaricado, y haceos corazón nuevo y espíritu nuevo. ¿Y por qué moriréis, casa de Israel?
Que no quiero la muerte del que muere, dice el Señor Jehová; convertíos pues, y viviréis.
Y FUÉ á mí palabra de Jehová, diciendo:
Hijo del hombre, pon tu rostro contra Gog en tierra de Magog, príncipe de la cabecera de Mesech y Tubal, y profetiza sobre él,
Y di: Así ha dicho el Señor Jehová: He aquí, yo á ti, oh Gog, príncipe de la cabecera de Mesech y Tubal.
Y yo te quebrantaré, y pondré anzuelos en tus quijadas, y te sacaré á ti, y á todo tu ejército, caballos y caballeros, vestidos de todo todos ellos, grande multitud con paveses y escudos, teniendo todos ellos espadas:
Persia, y Etiopía, y Libia con ellos; todos ellos con escudos y almetes:
Gomer, y todas sus compañías; la casa de Togarma, á los lados del norte, y todas sus compañías; pueblos muchos contigo.
Aparéjate, y apercíbete, tú, y toda tu multitud que se ha reunido á ti, y séles por guarda.
De aquí á muchos días serás tú visitado: al cabo de años vendrás á la tierra salvada de la espada, recogida de muchos pueblos, á los montes de Israel, que siempre fueron para asolamiento: mas fué sacada de las naciones, y todos ellos morarán confiadamente.
Y subirás tú, vendrás como tempestad; como nublado para cubrir la tierra serás tú, y todas tus compañías, y muchos pueblos contigo.
Así ha dicho el Señor Jehová: Y será en aquel día, que subirán palabras en tu corazón, y concebirás mal pensamiento;
Y dirás: Subiré contra tierra de aldeas, iré á gentes reposadas, y que habitan confiadamente: todos ellos habitan sin muros, no tienen cerrojos ni puertas:
Para arrebatar despojos y para tomar presa; para tornar tu mano sobre las tierras desiertas ya pobladas, y sobre el pueblo recogido de las gentes, que se hace de ganados y posesiones, que mora en el ombligo de la tierra.
Seba, y Dedán, y los mercaderes de Tarsis, y todos sus leoncillos, te dirán: ¿Has venido á arrebatar despojos? ¿has reunido tu multitud para tomar presa, para quitar plata y oro, para tomar ganados y posesiones, para tomar grandes despojos?
Por tanto profetiza, hijo del hombre, y di á Gog: Así ha dicho el Señor Jehová: En aquel tiempo, cuando mi pueblo Israel habitará seguramente, ¿no lo sabrás tú?
Y vendrás de tu lugar, de las partes del norte, tú y muchos pueblos contigo, todos ellos á caballo, grande reunión y poderoso ejército:
Y subirás contra mi pueblo Israel como nublado para cubrir la tierra; será al cabo de los días: y te traeré sobre mi tierra, para que las gentes me conozcan, cuando fuere santificado en ti, oh Gog, delante de sus ojos.
Así ha dicho el Señor Jehová: ¿No eres tú aquél de quien hablé yo en tiempos pasados por mis siervos los profetas de Israel, los cuales profetizaron en aquellos tiempos que yo te había de traer sobre ellos?
Y será en aquel tiempo, cuando vendrá Gog contra la tierra de Israel, dijo el Señor Jehová, que subirá mi ira en mi enojo.
Porque he hablado en mi celo, y en el fuego de mi ira: Que en aquel tiempo habrá gran temblor sobre la tierra de Israel;
Que los peces de la mar, y las aves del cielo, y las bestias del campo, y toda serpiente que anda arrastrando sobre la tierra, y todos los hombres que están sobre la haz de la tierra, temblarán á mi presencia; y se arruinarán los montes, y los vallados caerán, y todo muro caerá á tierra.
Y en todos mis montes llamaré contra él espada, dice el Señor Jehová: la espada de cada cual será contra su hermano.
Y yo litigaré con él con pestilencia y con sangre; y haré llover sobre él, y sobre sus compañías, y sobre los muchos pueblos que están con él, impetuosa lluvia, y piedras de granizo, fuego y azufre.
Y seré engrandecido y santificado, y seré conocido en ojos de muchas gentes; y sabrán que yo soy Jehová.
EN el tercer año de Ciro rey de Persia, fué revelada palabra á Daniel, cuyo nombre era Beltsasar; y la palabra era verdadera, mas el tiempo fijado era largo: él empero comprendió la palabra, y tuvo inteligencia en la visión.
En aquellos días yo Daniel me contristé por espacio de tres semanas.
No comí pan delicado, ni entró carne ni vino en mi boca, ni me unté con ungüento, hasta que se cumplieron tres semanas de días.
Y á los veinte y cuatro días del mes primero estaba yo á la orilla del gran río Hiddekel;
Y alzando mis ojos miré, y he aquí un varón vestido de lienzos, y ceñidos sus lomos de oro de Uphaz:
Y su cuerpo era como piedra de Tarsis, y su rostro parecía un relámpago, y sus ojos como antorchas de fuego, y sus brazos y sus pies como de color de metal resplandeciente, y la voz de sus palabras como la voz de ejército.
Y sólo yo, Daniel, vi aquella visión, y no la vieron los hombres que estaban conmigo; sino que cayó sobre ellos un gran temor, y huyeron, y escondiéronse.
Quedé pues yo solo, y vi esta gran visión, y no quedó en mí esfuerzo; antes mi fuerza se me trocó en desmayo, sin retener vigor alguno.
Empero oí la voz de sus palabras: y oyendo la voz de sus palabras, estaba yo adormecido sobre mi rostro, y mi rostro en tierra.
Y, he aquí, una mano me tocó, é hizo que me moviese sobre mis rodillas, y sobre las palmas de mis manos.
Y díjome: Daniel, varón de deseos, está atento á las palabras que te hablaré, y levántate sobre tus pies; porque á ti he sido enviado ahora. Y estando hablando conmigo esto, yo estaba temblando.
Y díjome: Daniel, no temas: porque desde el primer día que diste tu corazón á entender, y á afligirte en la presencia de tu Dios, fueron oídas tus palabras; y á causa de tus palabras yo soy venido.
Mas el príncipe del reino de Persia se puso contra mí veintiún días: y he aquí, Miguel, uno de los principales príncipes, vino para ayudarme, y yo quedé allí con los reyes de Persia.
Soy pues venido para hacerte saber lo que ha de venir á tu pueblo en los postreros días; porque la visión es aún para días.
Y estando hablando conmigo semejantes palabras, puse mis ojos en tierra, y enmudecí.
Mas he aquí, como una semejanza de hijo de hombre tocó mis labios. Entonces abrí mi boca, y hablé, y dije á aquel que estaba delante de mí: Señor mío, con la visión se revolvieron mis dolores sobre mí, y no me quedó fuerza.
¿Cómo pues podrá el siervo de mi señor hablar con este mi señor? porque al instante me faltó la fuerza, y no me ha quedado aliento.
Y aquella como semejanza de hombre me tocó otra vez, y me confortó;
Y díjome: Varón de deseos, no temas: paz á ti; ten buen ánimo, y aliéntate. Y hablando él conmigo cobré yo vigor, y dije: Hable mi señor, porque me has fortalecido.
Y dijo: ¿Sabes por qué he venido á ti? Porque luego tengo de volver para pelear con el príncipe de los Persas; y en saliendo yo, luego viene el príncipe de Grecia.
Empero yo te declararé lo que está escrito en la escritura de verdad: y ninguno hay que se esfuerce conmigo en estas cosas, sino Miguel vuestro príncipe.
LAS palabras de Amós, que fué entre los pastores de Tecoa, las cuales vió acerca de Israel en días de Uzzía rey de Judá, y en días de Jeroboam hijo de Joas rey de Israel, dos años antes del terremoto.
Y dijo: Jehová bramará desde Sión, y dará su voz desde Jerusalem; y las estancias de los pastores se enlutarán, y secaráse la cumbre del Carmelo.
Así ha dicho Jehová: Por tres pecados de Damasco, y por el cuarto, no desviaré su castigo; porque trillaron á Galaad con trillos de hierro.
Y meteré fuego en la casa de Hazael, y consumirá los palacios de Benhadad.
Y quebraré la barra de Damasco, y talaré los moradores de Bicath-aven, y los gobernadores de Beth-eden: y el pueblo de Aram será trasportado á Chîr, dice Jehová.
Así ha dicho Jehová: Por tres pecados de Gaza, y por el cuarto, no desviaré su castigo; porque llevó cautiva toda la cautividad, para entregarlos á Edom.
Y meteré fuego en el muro de Gaza, y quemará sus palacios.
Y talaré los moradores de Azoto, y los gobernadores de Ascalón: y tornaré mi mano sobre Ecrón, y las reliquias de los Palestinos perecerán, ha dicho el Señor Jehová.
Así ha dicho Jehová: Por tres pecados de Tiro, y por el cuarto, no desviaré su castigo; porque entregaron la cautividad entera á Edom, y no se acordaron del concierto de hermanos.
Y meteré fuego en el muro de Tiro, y consumirá sus palacios.
Así ha dicho Jehová: Por tres pecados de Edom, y por el cuarto, no desviaré su castigo; porque persiguió á cuchillo á su hermano, y rompió sus conmiseraciones; y con su furor le ha robado siempre, y ha perpetuamente guardado el enojo.
Y meteré fuego en Temán, y consumirá los palacios de Bosra.
Así ha dicho Jehová: Por tres pecados de los hijos de Ammón, y por el cuarto, no desviaré su castigo; porque abrieron las preñadas de Galaad, para ensanchar su término.
Y encenderé fuego en el muro de Rabba, y consumirá sus palacios con estruendo en día de batalla, con tempestad en día tempestuoso:
Y su rey irá en cautiverio, él y sus príncipes todos, dice Jehová.
¡AY de mí! que he venido á ser como cuando han cogido los frutos del verano, como cuando han rebuscado después de la vendimia, que no queda racimo para comer; mi alma deseó primeros frutos.
Faltó el misericordioso de la tierra, y ninguno hay recto entre los hombres: todos acechan á la sangre; cada cual arma red á su hermano.
Para completar la maldad con sus manos, el príncipe demanda, y el juez juzga por recompensa; y el grande habla el antojo de su alma, y lo confirman.
El mejor de ellos es como el cambrón; el más recto, como zarzal: el día de tus atalayas, tu visitación, viene; ahora será su confusión.
No creáis en amigo, ni confiéis en príncipe: de la que duerme á tu lado, guarda, no abras tu boca.
Porque el hijo deshonra al padre, la hija se levanta contra la madre, la nuera contra su suegra: y los enemigos del hombre son los de su casa.
Yo empero á Jehová esperaré, esperaré al Dios de mi salud: el Dios mío me oirá.
Tú, enemiga mía, no te huelgues de mí: porque aunque caí, he de levantarme; aunque more en tinieblas, Jehová será mi luz.
La ira de Jehová soportaré, porque pequé contra él, hasta que juzgue mi causa y haga mi juicio; él me sacará á luz; veré su justicia.
Y mi enemiga verá, y la cubrirá vergüenza: la que me decía: ¿Dónde está Jehová tu Dios? Mis ojos la verán; ahora será hollada como lodo de las calles.
El día en que se edificarán tus muros, aquel día será alejado el mandamiento.
En ese día vendrán hasta ti desde Asiria y las ciudades fuertes, y desde las ciudades fuertes hasta el Río, y de mar á mar, y de monte á monte.
Y la tierra con sus moradores será asolada por el fruto de sus obras.
Apacienta tu pueblo con tu cayado, el rebaño de tu heredad, que mora solo en la montaña, en medio del Carmelo: pazcan en Basán y Galaad, como en el tiempo pasado.
Yo les mostraré maravillas como el día que saliste de Egipto.
Las gentes verán, y se avergonzarán de todas sus valentías; pondrán la mano sobre su boca, ensordecerán sus oídos.
Lamerán el polvo como la culebra; como las serpientes de la tierra, temblarán en sus encierros: despavorirse han de Jehová nuestro Dios, y temerán de ti.
¿Qué Dios como tú, que perdonas la maldad, y olvidas el pecado del resto de su heredad? No retuvo para siempre su enojo, porque es amador de misericordia.
El tornará, él tendrá misericordia de nosotros; él sujetará nuestras iniquidades, y echará en los profundos de la mar todos nuestros pecados.
Otorgarás á Jacob la verdad, y á Abraham la misericordia, que tú juraste á nuestros padres desde tiempos antiguos.
CARGA de la palabra de Jehová contra tierra de Hadrach, y de Damasco su reposo: porque á Jehová están vueltos los ojos de los hombres, y de todas las tribus de Israel.
Y también Hamath tendrá término en ella; Tiro y Sidón, aunque muy sabia sea.
Bien que Tiro se edificó fortaleza, y amontonó plata como polvo, y oro como lodo de las calles,
He aquí, el Señor la empobrecerá, y herirá en la mar su fortaleza, y ella será consumida de fuego.
Ascalón verá, y temerá; Gaza también, y se dolerá en gran manera: asimismo Ecrón, porque su esperanza será confundida; y de Gaza perecerá el rey, y Ascalón no será habitada.
Y habitará en Asdod un extranjero, y yo talaré la soberbia de los Palestinos;
Y quitaré sus sangres de su boca, y sus abominaciones de sus dientes, y quedarán ellos también para nuestro Dios, y serán como capitanes en Judá, y Ecrón como el Jebuseo.
Y seré real de ejército á mi casa, á causa del que va y del que viene: y no pasará más sobre ellos angustiador; porque ahora miré con mis ojos.
Alégrate mucho, hija de Sión; da voces de júbilo, hija de Jerusalem: he aquí, tu rey vendrá á ti, justo y salvador, humilde, y cabalgando sobre un asno, así sobre un pollino hijo de asna.
Y de Ephraim destruiré los carros, y los caballos de Jerusalem; y los arcos de guerra serán quebrados: y hablará paz á las gentes; y su señorío será de mar á mar, y desde el río hasta los fines de la tierra.
Y tú también por la sangre de tu pacto serás salva; yo he sacado tus presos del aljibe en que no hay agua.
Tornaos á la fortaleza, oh presos de esperanza: hoy también os anuncio que os daré doblado.
Porque entesado he para mí á Judá como arco, henchí á Ephraim; y despertaré tus hijos, oh Sión, contra tus hijos, oh Grecia, y te pondré como espada de valiente.
Y Jehová será visto sobre ellos, y su dardo saldrá como relámpago: y el Señor Jehová tocará trompeta, é irá como torbellinos del austro.
Jehová de los ejércitos los amparará, y ellos devorarán, y sujetarán á las piedras de la honda, y beberán, y harán estrépito como tomados del vino; y se llenarán como cuenco, ó como los lados del altar.
Y los salvará en aquel día Jehová su Dios como á rebaño de su pueblo: porque serán engrandecidos en su tierra como piedras de corona.
Porque ¡cuánta es su bondad, y cuánta su hermosura! El trigo alegrará á los mancebos, y el vino á las doncellas.
Y FUÉ, que acabando Jesús de dar mandamientos á sus doce discípulos, se fué de allí á enseñar y á predicar en las ciudades de ellos.
Y oyendo Juan en la prisión los hechos de Cristo, le envió dos de sus discípulos,
Diciendo: ¿Eres tú aquél que había de venir, ó esperaremos á otro?
Y respondiendo Jesús, les dijo: Id, y haced saber á Juan las cosas que oís y veis:
Los ciegos ven, y los cojos andan; los leprosos son limpiados, y los sordos oyen; los muertos son resucitados, y á los pobres es anunciado el evangelio.
Y bienaventurado es el que no fuere escandalizado en mí.
E idos ellos, comenzó Jesús á decir de Juan á las gentes: ¿Qué salisteis á ver al desierto? ¿una caña que es meneada del viento?
Mas ¿qué salisteis á ver? ¿un hombre cubierto de delicados vestidos? He aquí, los que traen vestidos delicados, en las casas de los reyes están.
Mas ¿qué salisteis á ver? ¿un profeta? También os digo, y más que profeta.
Porque éste es de quien está escrito: He aquí, yo envío mi mensajero delante de tu faz, que aparejará tu camino delante de ti.
De cierto os digo, que no se levantó entre los que nacen de mujeres otro mayor que Juan el Bautista; mas el que es muy más pequeño en el reino de los cielos, mayor es que él.
Desde los días de Juan el Bautista hasta ahora, al reino de los cielos se hace fuerza, y los valientes lo arrebatan.
Porque todos los profetas y la ley hasta Juan profetizaron.
Y si queréis recibir, él es aquel Elías que había de venir.
El que tiene oídos para oir, oiga.
Mas ¿á quién compararé esta generación? Es semejante á los muchachos que se sientan en las plazas, y dan voces á sus compañeros,
Y dicen: Os tañimos flauta, y no bailasteis; os endechamos, y no lamentasteis.
Porque vino Juan, que ni comía ni bebía, y dicen: Demonio tiene.
Vino el Hijo del hombre, que come y bebe, y dicen: He aquí un hombre comilón, y bebedor de vino, amigo de publicanos y de pecadores. Mas la sabiduría es justificada por sus hijos.
Entonces comenzó á reconvenir á las ciudades en las cuales habían sido hechas muy muchas de sus maravillas, porque no se habían arrepentido, diciendo:
¡Ay de ti, Corazín! ¡Ay de ti, Bethsaida! porque si en Tiro y en Sidón fueran hechas las maravillas que han sido hechas en vosotras, en otro tiempo se hubieran arrepentido en saco y en ceniza.
Por tanto os digo, que á Tiro y á Sidón será más tolerable el castigo en el día del juicio, que á vosotras.
Y tú, Capernaum, que eres levantada hasta el cielo, hasta los infiernos serás abajada; porque si en los de Sodoma fueran hechas las maravillas que han sido hechas en ti, hubieran quedado hasta el día de hoy.
Por tanto os digo, que á la tierra de los de Sodoma será más tolerable el castigo en el día del juicio, que á ti.
En aquel tiempo, respondiendo Jesús, dijo: Te alabo, Padre, Señor del cielo y de la tierra, que hayas escondido estas cosas de los sabios y de los entendidos, y las hayas revelado á los niños.
Así, Padre, pues que así agradó en tus ojos.
Todas las cosas me son entregadas de mi Padre: y nadie conoció al Hijo, sino el Padre; ni al Padre conoció alguno, sino el Hijo, y aquel á quien el Hijo lo quisiere revelar.
Venid á mí todos los que estáis trabajados y cargados, que yo os haré descansar.
Llevad mi yugo sobre vosotros, y aprended de mí, que soy manso y humilde de corazón; y hallaréis descanso para vuestras almas.
Porque mi yugo es fácil, y ligera mi carga.
Y OTRA vez entró en la sinagoga; y había allí un hombre que tenía una mano seca.
Y le acechaban si en sábado le sanaría, para acusarle.
Entonces dijo al hombre que tenía la mano seca: Levántate en medio.
Y les dice: ¿Es lícito hacer bien en sábado, ó hacer mal? ¿salvar la vida, ó quitarla? Mas ellos callaban.
Y mirándolos alrededor con enojo, condoleciéndose de la ceguedad de su corazón, dice al hombre: Extiende tu mano. Y la extendió, y su mano fué restituída sana.
Entonces saliendo los Fariseos, tomaron consejo con los Herodianos contra él, para matarle.
Mas Jesús se apartó á la mar con sus discípulos: y le siguió gran multitud de Galilea, y de Judea,
Y de Jerusalem, y de Idumea, y de la otra parte del Jordán. Y los de alrededor de Tiro y de Sidón, grande multitud, oyendo cuán grandes cosas hacía, vinieron á él.
Y dijo á sus discípulos que le estuviese siempre apercibida la barquilla, por causa del gentío, para que no le oprimiesen.
Porque había sanado á muchos; de manera que caían sobre él cuantos tenían plagas, por tocarle.
Y los espíritus inmundos, al verle, se postraban delante de él, y daban voces, diciendo: Tú eres el Hijo de Dios.
Mas él les reñía mucho que no le manifestasen.
Y subió al monte, y llamó á sí á los que él quiso; y vinieron á él.
Y estableció doce, para que estuviesen con él, y para enviarlos á predicar,
Y que tuviesen potestad de sanar enfermedades, y de echar fuera demonios:
A Simón, al cual puso por nombre Pedro;
Y á Jacobo, hijo de Zebedeo, y á Juan hermano de Jacobo; y les apellidó Boanerges, que es, Hijos del trueno;
Y á Andrés, y á Felipe, y á Bartolomé, y á Mateo, y á Tomás, y á Jacobo hijo de Alfeo, y á Tadeo, y á Simón el Cananita,
Y á Judas Iscariote, el que le entregó. Y vinieron á casa.
Y agolpóse de nuevo la gente, de modo que ellos ni aun podían comer pan.
Y como lo oyeron los suyos, vinieron para prenderle: porque decían: Está fuera de sí.
Y los escribas que habían venido de Jerusalem, decían que tenía á Beelzebub, y que por el príncipe de los demonios echaba fuera los demonios.
Y habiéndolos llamado, les decía en parábolas: ¿Cómo puede Satanás echar fuera á Satanás?
Y si algún reino contra sí mismo fuere dividido, no puede permanecer el tal reino.
Y si alguna casa fuere dividida contra sí misma, no puede permanecer la tal casa.
Y si Satanás se levantare contra sí mismo, y fuere dividido, no puede permanecer; antes tiene fin.
Nadie puede saquear las alhajas del valiente entrando en su casa, si antes no atare al valiente y entonces saqueará su casa.
De cierto os digo que todos los pecados serán perdonados á los hijos de los hombres, y las blasfemias cualesquiera con que blasfemaren;
Mas cualquiera que blasfemare contra el Espíritu Santo, no tiene jamás perdón, mas está expuesto á eterno juicio.
Porque decían: Tiene espíritu inmundo.
Vienen después sus hermanos y su madre, y estando fuera, enviaron á él llamándole.
Y la gente estaba sentada alrededor de él, y le dijeron: He aquí, tu madre y tus hermanos te buscan fuera.
Y él les respondió, diciendo: ¿Quién es mi madre y mis hermanos?
Y mirando á los que estaban sentados alrededor de él, dijo: He aquí mi madre y hermanos.
Porque cualquiera que hiciere la voluntad de Dios, éste es mi hermano, y mi hermana, y mi madre.
Y COMO acabó todas sus palabras oyéndole el pueblo, entró en Capernaum.
Y el siervo de un centurión, al cual tenía él en estima, estaba enfermo y á punto de morir.
Y como oyóhablarde Jesús, envió á él los ancianos de los Judíos, rogándole que viniese y librase á su siervo.
Y viniendo ellos á Jesús, rogáronle con diligencia, diciéndole: Porque es digno de concederle esto;
Que ama nuestra nación, y él nos edificó una sinagoga.
Y Jesús fué con ellos. Mas como ya no estuviesen lejos de su casa, envió el centurión amigos á él, diciéndole: Señor, no te incomodes, que no soy digno que entres debajo de mi tejado;
Por lo cual ni aun me tuve por digno de venir á ti; mas di la palabra, y mi siervo será sano.
Porque también yo soy hombre puesto en potestad, que tengo debajo de mí soldados; y digo á éste: Ve, y va; y al otro: Ven, y viene; y á mi siervo: Haz esto, y lo hace.
Lo cual oyendo Jesús, se maravilló de él, y vuelto, dijo á las gentes que le seguían: Os digoqueni aun en Israel he hallado tanta fe.
Y vueltos á casa los que habían sido enviados, hallaron sano al siervo que había estado enfermo.
Y aconteció después, que él iba á la ciudad que se llama Naín, é iban con él muchos de sus discípulos, y gran compañía.
Y como llegó cerca de la puerta de la ciudad, he aquí que sacaban fuera á un difunto, unigénito de su madre, la cual también era viuda: y había con ella grande compañía de la ciudad.
Y como el Señor la vió, compadecióse de ella, y le dice: No llores.
Y acercándose, tocó el féretro: y los que lo llevaban, pararon. Y dice: Mancebo, á ti digo, levántate.
Entonces se incorporó el que había muerto, y comenzó á hablar. Y dióle á su madre.
Y todos tuvieron miedo, y glorificaban á Dios, diciendo: Que un gran profeta se ha levantado entre nosotros; y que Dios ha visitado á su pueblo.
Y salió esta fama de él por toda Judea, y por toda la tierra de alrededor.
Y sus discípulos dieron á Juan las nuevas de todas estas cosas: y llamó Juan á dos de sus discípulos,
Y envió á Jesús, diciendo: ¿Eres tú aquél que había de venir, ó esperaremos á otro?
Y como los hombres vinieron á él, dijeron: Juan el Bautista nos ha enviado á ti, diciendo: ¿Eres tú aquél que había de venir, ó esperaremos á otro?
Y en la misma hora sanó á muchos de enfermedades y plagas, y de espíritus malos; y á muchos ciegos dió la vista.
Y respondiendo Jesús, les dijo: Id, dad las nuevas á Juan de lo que habéis visto y oído: que los ciegos ven, los cojos andan, los leprosos son limpiados, los sordos oyen, los muertos resucitan, á los pobres es anunciado el evangelio:
Y bienaventurado es el que no fuere escandalizado en mí.
Y como se fueron los mensajeros de Juan, comenzó á hablar de Juan á las gentes: ¿Qué salisteis á ver al desierto? ¿una caña que es agitada por el viento?
Mas ¿qué salisteis á ver? ¿un hombre cubierto de vestidos delicados? He aquí, los que están en vestido precioso, y viven en delicias, en los palacios de los reyes están.
Mas ¿qué salisteis á ver? ¿un profeta? También os digo, y aun más que profeta.
Este es de quien está escrito: He aquí, envío mi mensajero delante de tu faz, el cual aparejará tu camino delante de ti.
Porque os digo que entre los nacidos de mujeres, no hay mayor profeta que Juan el Bautista: mas el más pequeño en el reino de los cielos es mayor que él.
Y todo el pueblo oyéndole, y los publicanos, justificaron á Dios, bautizándose con el bautismo de Juan.
Mas los Fariseos y los sabios de la ley, desecharon el consejo de Dios contra sí mismos, no siendo bautizados de él.
Y dice el Señor: ¿A quién, pues, compararé los hombres de esta generación, y á qué son semejantes?
Semejantes son á los muchachos sentados en la plaza, y que dan voces los unos á los otros, y dicen: Os tañimos con flautas, y no bailasteis: os endechamos, y no llorasteis.
Porque vino Juan el Bautista, que ni comía pan, ni bebía vino, y decís: Demonio tiene.
Vino el Hijo del hombre, que come y bebe, y decís: He aquí un hombre comilón, y bebedor de vino, amigo de publicanos y de pecadores.
Mas la sabiduría es justificada de todos sus hijos.
Y le rogó uno de los Fariseos, que comiese con él. Y entrado en casa del Fariseo, sentóse á la mesa.
Y he aquí una mujer que había sido pecadora en la ciudad, como entendió que estaba á la mesa en casa de aquel Fariseo, trajo un alabastro de ungüento,
Y estando detrás á sus pies, comenzó llorando á regar con lágrimas sus pies, y los limpiaba con los cabellos de su cabeza; y besaba sus pies, y los ungía con el ungüento.
Y como vió esto el Fariseo que le había convidado, habló entre sí, diciendo: Este, si fuera profeta, conocería quién y cuál es la mujer que le toca, que es pecadora.
Entonces respondiendo Jesús, le dijo: Simón, una cosa tengo que decirte. Y él dice: Di, Maestro.
Un acreedor tenía dos deudores: el uno le debía quinientos denarios, y el otro cincuenta;
Y no teniendo ellos de qué pagar, perdonó á ambos. Di, pues, ¿cuál de éstos le amará más?
Y respondiendo Simón, dijo: Pienso que aquél al cual perdonó más. Y él le dijo: Rectamente has juzgado.
Y vuelto á la mujer, dijo á Simón: ¿Ves esta mujer? Entré en tu casa, no diste agua para mis pies; mas ésta ha regado mis pies con lágrimas, y los ha limpiado con los cabellos.
No me diste beso, mas ésta, desde que entré, no ha cesado de besar mis pies.
No ungiste mi cabeza con óleo; mas ésta ha ungido con ungüento mis pies.
Por lo cual te digo que sus muchos pecados son perdonados, porque amó mucho; mas al que se perdona poco, poco ama.
Y á ella dijo: Los pecados te son perdonados.
Y los que estaban juntamente sentados á la mesa, comenzaron á decir entre sí: ¿Quién es éste, que también perdona pecados?
Y dijo á la mujer: Tu fe te ha salvado, ve en paz.
Y HABÍA un hombre de los Fariseos que se llamaba Nicodemo, príncipe de los Judíos.
Este vino á Jesús de noche, y díjole: Rabbí, sabemos que has venido de Dios por maestro; porque nadie puede hacer estas señales que tú haces, si no fuere Dios con él.
Respondió Jesús, y díjole: De cierto, de cierto te digo, que el que no naciere otra vez, no puede ver el reino de Dios.
Dícele Nicodemo: ¿Cómo puede el hombre nacer siendo viejo? ¿puede entrar otra vez en el vientre de su madre, y nacer?
Respondió Jesús: De cierto, de cierto te digo, que el que no naciere de agua y del Espíritu, no puede entrar en el reino de Dios.
Lo que es nacido de la carne, carne es; y lo que es nacido del Espíritu, espíritu es.
No te maravilles de que te dije: Os es necesario nacer otra vez.
El viento de donde quiere sopla, y oyes su sonido; mas ni sabes de dónde viene, ni á dónde vaya: así es todo aquel que es nacido del Espíritu.
Respondió Nicodemo, y díjole: ¿Cómo puede esto hacerse?
Respondió Jesús, y díjole: ¿Tú eres el maestro de Israel, y no sabes esto?
De cierto, de cierto te digo, que lo que sabemos hablamos, y lo que hemos visto, testificamos; y no recibís nuestro testimonio.
Si os he dicho cosas terrenas, y no creéis, ¿cómo creeréis si os dijere las celestiales?
Y nadie subió al cielo, sino el que descendió del cielo, el Hijo del hombre, que está en el cielo.
Y como Moisés levantó la serpiente en el desierto, así es necesario que el Hijo del hombre sea levantado;
Para que todo aquel que en él creyere, no se pierda, sino que tenga vida eterna.
Porque de tal manera amó Dios al mundo, que ha dado á su Hijo unigénito, para que todo aquel que en él cree, no se pierda, mas tenga vida eterna.
Porque no envió Dios á su Hijo al mundo para que condene al mundo, mas para que el mundo sea salvo por él.
El que en él cree, no es condenado; mas el que no cree, ya es condenado, porque no creyó en el nombre del unigénito Hijo de Dios.
Y esta es la condenación: porque la luz vino al mundo, y los hombres amaron más las tinieblas que la luz; porque sus obras eran malas.
Porque todo aquel que hace lo malo, aborrece la luz y no viene á la luz, porque sus obras no sean redargüidas.
Mas el que obra verdad, viene á la luz, para que sus obras sean manifestadas que son hechas en Dios.
Pasado esto, vino Jesús con sus discípulos á la tierra de Judea; y estaba allí con ellos, y bautizaba.
Y bautizaba también Juan en Enón junto á Salim, porque había allí muchas aguas; y venían, y eran bautizados.
Porque Juan no había sido aún puesto en la carcel.
Y hubo cuestión entre los discípulos de Juan y los Judíos acerca de la purificación.
Y vinieron á Juan, y dijéronle: Rabbí, el que estaba contigo de la otra parte del Jordán, del cual tú diste testimonio, he aquí bautiza, y todos vienen á él.
Respondió Juan, y dijo: No puede el hombre recibir algo, si no le fuere dado del cielo.
Vosotros mismos me sois testigos que dije: Yo no soy el Cristo, sino que soy enviado delante de él.
El que tiene la esposa, es el esposo; mas el amigo del esposo, que está en pie y le oye, se goza grandemente de la voz del esposo; así pues, este mi gozo es cumplido.
A él conviene crecer, mas á mí menguar.
El que de arriba viene, sobre todos es: el que es de la tierra, terreno es, y cosas terrenas habla: el que viene del cielo, sobre todos es.
Y lo que vió y oyó, esto testifica: y nadie recibe su testimonio.
El que recibe su testimonio, éste signó que Dios es verdadero.
Porque el que Dios envió, las palabras de Dios habla: porque no da Dios el Espíritu por medida.
El Padre ama al Hijo, y todas las cosas dió en su mano.
El que cree en el Hijo, tiene vida eterna; mas el que es incrédulo al Hijo, no verá la vida, sino que la ira de Dios está sobre él.
Y COMO se cumplieron los días de Pentecostés, estaban todos unánimes juntos;
Y de repente vino un estruendo del cielo como de un viento recio que corría, el cual hinchió toda la casa donde estaban sentados;
Y se les aparecieron lenguas repartidas, como de fuego, que se asentó sobre cada uno de ellos.
Y fueron todos llenos del Espíritu Santo, y comenzaron á hablar en otras lenguas, como el Espíritu les daba que hablasen.
Moraban entonces en Jerusalem Judíos, varones religiosos, de todas las naciones debajo del cielo.
Y hecho este estruendo, juntóse la multitud; y estaban confusos, porque cada uno les oía hablar su propia lengua.
Y estaban atónitos y maravillados, diciendo: He aquí ¿no son Galileos todos estos que hablan?
¿Cómo, pues, les oímos nosotros hablar cada uno en nuestra lengua en que somos nacidos?
Partos y Medos, y Elamitas, y los que habitamos en Mesopotamia, en Judea y en Capadocia, en el Ponto y en Asia,
En Phrygia y Pamphylia, en Egipto y en las partes de Africa que está de la otra parte de Cirene, y Romanos extranjeros, tanto Judíos como convertidos,
Cretenses y Arabes, les oímos hablar en nuestras lenguas las maravillas de Dios.
Y estaban todos atónitos y perplejos, diciendo los unos á los otros: ¿Qué quiere ser esto?
Mas otros burlándose, decían: Que están llenos de mosto.
Entonces Pedro, poniéndose en pie con los once, alzó su voz, y hablóles diciendo: Varones Judíos, y todos los que habitáis en Jerusalem, esto os sea notorio, y oid mis palabras.
Porque éstos no están borrachos, como vosotros pensáis, siendo la hora tercia del día;
Mas esto es lo que fué dicho por el profeta Joel:
Y será en los postreros días, dice Dios, derramaré de mi Espíritu sobre toda carne, y vuestros hijos y vuestras hijas profetizarán; y vuestros mancebos verán visiones, y vuestros viejos soñarán sueños:
Y de cierto sobre mis siervos y sobre mis siervas en aquellos días derramaré de mi Espíritu, y profetizarán.
Y daré prodigios arriba en el cielo, y señales abajo en la tierra, sangre y fuego y vapor de humo:
El sol se volverá en tinieblas, y la luna en sangre, antes que venga el día del Señor, grande y manifiesto;
Y será que todo aquel que invocare el nombre del Señor, será salvo.
Varones Israelitas, oid estas palabras: Jesús Nazareno, varón aprobado de Dios entre vosotros en maravillas y prodigios y señales, que Dios hizo por él en medio de vosotros, como también vosotros sabéis;
A éste, entregado por determinado consejo y providencia de Dios, prendisteis y matasteis por manos de los inicuos, crucificándole;
Al cual Dios levantó, sueltos los dolores de la muerte, por cuanto era imposible ser detenido de ella.
Porque David dice de él: Veía al Señor siempre delante de mí: porque está á mi diestra, no seré conmovido.
Por lo cual mi corazón se alegró, y gozóse mi lengua; y aun mi carne descansará en esperanza;
Que no dejarás mi alma en el infierno, ni darás á tu Santo que vea corrupción.
Hicísteme notorios los caminos de la vida; me henchirás de gozo con tu presencia.
Varones hermanos, se os puede libremente decir del patriarca David, que murió, y fué sepultado, y su sepulcro está con nosotros hasta del día de hoy.
Empero siendo profeta, y sabiendo que con juramento le había Dios jurado que del fruto de su lomo, cuanto á la carne, levantaría al Cristo que se sentaría sobre su trono;
Viéndolo antes, habló de la resurrección de Cristo, que su alma no fué dejada en el infierno, ni su carne vió corrupción.
A este Jesús resucitó Dios, de lo cual todos nosotros somos testigos.
Así que, levantado por la diestra de Dios, y recibiendo del Padre la promesa del Espíritu Santo, ha derramado esto que vosotros veis y oís.
Porque David no subió á los cielos; empero él dice: Dijo el Señor á mi Señor: Siéntate á mi diestra,
Hasta que ponga á tus enemigos por estrado de tus pies.
Sepa pues ciertísimamente toda la casa de Israel, que á éste Jesús que vosotros crucificasteis, Dios ha hecho Señor y Cristo.
Entonces oído esto, fueron compungidos de corazón, y dijeron á Pedro y á los otros apóstoles: Varones hermanos, ¿qué haremos?
Y Pedro les dice: Arrepentíos, y bautícese cada uno de vosotros en el nombre de Jesucristo para perdón de los pecados; y recibiréis el don del Espíritu Santo.
Porque para vosotros es la promesa, y para vuestros hijos, y para todos los que están lejos; para cuantos el Señor nuestro Dios llamare.
Y con otras muchas palabras testificaba y exhortaba, diciendo: Sed salvos de esta perversa generación.
Así que, los que recibieron su palabra, fueron bautizados: y fueron añadidas á ellos aquel día como tres mil personas.
Y perseveraban en la doctrina de los apóstoles, y en la comunión, y en el partimiento del pan, y en las oraciones.
Y toda persona tenía temor: y muchas maravillas y señales eran hechas por los apóstoles.
Y todos los que creían estaban juntos; y tenían todas las cosas comunes;
Y vendían las posesiones, y las haciendas, y repartíanlas á todos, como cada uno había menester.
Y perseverando unánimes cada día en el templo, y partiendo el pan en las casas, comían juntos con alegría y con sencillez de corazón,
Alabando á Dios, y teniendo gracia con todo el pueblo. Y el Señor añadía cada día á la iglesia los que habían de ser salvos.
VARONES hermanos y padres, oid la razón que ahora os doy.
(Y como oyeron que les hablaba en lengua hebrea, guardaron más silencio.) Y dijo:
Yo de cierto soy Judío, nacido en Tarso de Cilicia, mas criado en esta ciudad á los pies de Gamaliel, enseñado conforme á la verdad de la ley de la patria, celoso de Dios, como todos vosotros sois hoy.
Que he perseguido este camino hasta la muerte, prendiendo y entregando en cárceles hombres y mujeres:
Como también el príncipe de los sacerdotes me es testigo, y todos los ancianos; de los cuales también tomando letras á los hermanos, iba á Damasco para traer presos á Jerusalem aun á los que estuviesen allí, para que fuesen castigados.
Mas aconteció que yendo yo, y llegando cerca de Damasco, como á medio día, de repente me rodeó mucha luz del cielo:
Y caí en el suelo, y oí una voz que me decía: Saulo, Saulo, ¿por qué me persigues?
Yo entonces respondí: ¿Quién eres, Señor? Y me dijo: Yo soy Jesús de Nazaret, á quien tú persigues.
Y los que estaban conmigo vieron á la verdad la luz, y se espantaron; mas no oyeron la voz del que hablaba conmigo.
Y dije: ¿Qué haré, Señor? Y el Señor me dijo: Levántate, y ve á Damasco, y allí te será dicho todo lo que te está señalado hacer.
Y como yo no viese por causa de la claridad de la luz, llevado de la mano por los que estaban conmigo, vine á Damasco.
Entonces un Ananías, varón pío conforme á la ley, que tenía buen testimonio de todos los Judíos que allí moraban,
Viniendo á mí, y acercándose, me dijo: Hermano Saulo, recibe la vista. Y yo en aquella hora le miré.
Y él dijo: El Dios de nuestros padres te ha predestinado para que conocieses su voluntad, y vieses á aquel Justo, y oyeses la voz de su boca.
Porque has de ser testigo suyo á todos los hombres, de lo que has visto y oído.
Ahora pues, ¿por qué te detienes? Levántate, y bautízate, y lava tus pecados, invocando su nombre.
Y me aconteció, vuelto á Jerusalem, que orando en el templo, fuí arrebatado fuera de mí.
Y le vi que me decía: Date prisa, y sal prestamente fuera de Jerusalem; porque no recibirán tu testimonio de mí.
Y yo dije: Señor, ellos saben que yo encerraba en cárcel, y hería por las sinagogas á los que creían en ti;
Y cuando se derramaba la sangre de Esteban tu testigo, yo también estaba presente, y consentía á su muerte, y guardaba las ropas de los que le mataban.
Y me dijo: Ve, porque yo te tengo que enviar lejos á los Gentiles.
Y le oyeron hasta esta palabra: entonces alzaron la voz, diciendo: Quita de la tierra á un tal hombre, porque no conviene que viva.
Y dando ellos voces, y arrojando sus ropas y echando polvo al aire,
Mandó el tribuno que le llevasen á la fortaleza, y ordenó que fuese examinado con azotes, para saber por qué causa clamaban así contra él.
Y como le ataron con correas, Pablo dijo al centurión que estaba presente: ¿Os es lícito azotar á un hombre Romano sin ser condenado?
Y como el centurión oyó esto, fué y dió aviso al tribuno, diciendo: ¿Qué vas á hacer? porque este hombre es Romano.
Y viniendo el tribuno, le dijo: Dime, ¿eres tú Romano? Y él dijo: Sí.
Y respondió el tribuno: Yo con grande suma alcancé esta ciudadanía. Entonces Pablo dijo: Pero yo lo soy de nacimiento.
Así que, luego se apartaron de él los que le habían de atormentar: y aun el tribuno también tuvo temor, entendido que era Romano, por haberle atado.
Y al día siguiente, queriendo saber de cierto la causa por qué era acusado de los Judíos, le soltó de las prisiones, y mandó venir á los príncipes de los sacerdotes, y á todo su concilio: y sacando á Pablo, le presentó delante de ellos.
RECIBID al flaco en la fe, perono para contiendas de disputas.
Porque uno cree que se ha de comer de todas cosas: otro que es débil, come legumbres.
El que come, no menosprecie al que no come: y el que no come, no juzgue al que come; porque Dios le ha levantado.
¿Tú quién eres que juzgas al siervo ajeno? para su señor está en pie, ó cae: mas se afirmará; que poderoso es el Señor para afirmarle.
Uno hace diferencia entre día y día; otro juzga iguales todos los días. Cada uno esté asegurado en su ánimo.
El que hace caso del día, hácelo para el Señor: y el que no hace caso del día, no lo hace para el Señor. El que come, come para el Señor, porque da gracias á Dios; y el que no come, no come para el Señor, y da gracias á Dios.
Porque ninguno de nosotros vive para sí, y ninguno muere para sí.
Que si vivimos, para el Señor vivimos; y si morimos, para el Señor morimos. Así que, ó que vivamos, ó que muramos, del Señor somos.
Porque Cristo para esto murió, y resucitó, y volvió á vivir, para ser Señor así de los muertos como de los que viven.
Mas tú ¿por qué juzgas á tu hermano? ó tú también, ¿por qué menosprecias á tu hermano? porque todos hemos de estar ante el tribunal de Cristo.
Porque escrito está: Vivo yo, dice el Señor, que á mí se doblará toda rodilla, y toda lengua confesará á Dios.
De manera que, cada uno de nosotros dará á Dios razón de sí.
Así que, no juzguemos más los unos de los otros: antes bien juzgad de no poner tropiezo ó escándalo al hermano.
Yo sé, y confío en el Señor Jesús, que de suyo nada hay inmundo: mas á aquel que piensa alguna cosa ser inmunda, para él es inmunda.
Empero si por causa de la comida tu hermano es contristado, ya no andas conforme á la caridad. No arruines con tu comida á aquél por el cual Cristo murió.
No sea pues blasfemado vuestro bien:
Que el reino de Dios no es comida ni bebida, sino justicia y paz y gozo por el Espíritu Santo.
Porque el que en esto sirve á Cristo, agrada á Dios, y es acepto á los hombres.
Así que, sigamos lo que hace á la paz, y á la edificación de los unos á los otros.
No destruyas la obra de Dios por causa de la comida. Todas las cosas á la verdad son limpias: mas malo es al hombre que come con escándalo.
Bueno es no comer carne, ni beber vino, ni nada en que tu hermano tropiece, ó se ofenda, ó sea debilitado.
¿Tienes tú fe? Tenla para contigo delante de Dios. Bienaventurado el que no se condena á sí mismo con lo que aprueba.
Mas el que hace diferencia, si comiere, es condenado, porque no comió por fe: y todo lo que no es de fe, es pecado.
ESTO pues determiné para conmigo, no venir otra vez á vosotros con tristeza.
Porque si yo os contristo, ¿quién será luego el que me alegrará, sino aquel á quien yo contristare?
Y esto mismo os escribí, porque cuando llegare no tenga tristeza sobre tristeza de los que me debiera gozar; confiando en vosotros todos que mi gozo es el de todos vosotros.
Porque por la mucha tribulación y angustia del corazón os escribí con muchas lágrimas; no para que fueseis contristados, mas para que supieseis cuánto más amor tengo para con vosotros.
Que si alguno me contristó, no me contristó á mí, sino en parte, por no cargaros, á todos vosotros.
Bástale al tal esta reprensión hecha de muchos;
Así que, al contrario, vosotros más bien lo perdonéis y consoléis, porque no sea el tal consumido de demasiada tristeza.
Por lo cual os ruego que confirméis el amor para con él.
Porque también por este fin os escribí, para tener experiencia de vosotros si sois obedientes en todo.
Y al que vosotros perdonareis, yo también: porque también yo lo que he perdonado, si algo he perdonado, por vosotros lo he hecho en persona de Cristo;
Porque no seamos engañados de Satanás: pues no ignoramos sus maquinaciones.
Cuando vine á Troas para el evangelio de Cristo, aunque me fué abierta puerta en el Señor,
No tuve reposo en mi espíritu, por no haber hallado á Tito mi hermano: así, despidiéndome de ellos, partí para Macedonia.
Mas á Dios gracias, el cual hace que siempre triunfemos en Cristo Jesús, y manifiesta el olor de su conocimiento por nosotros en todo lugar.
Porque para Dios somos buen olor de Cristo en los que se salvan, y en los que se pierden:
A éstos ciertamente olor de muerte para muerte; y á aquéllos olor de vida para vida. Y para estas cosas ¿quién es suficiente?
Porque no somos como muchos, mercaderes falsos de la palabra de Dios: antes con sinceridad, como de Dios, delante de Dios, hablamos en Cristo.
POR esta causa yo Pablo, prisionero de Cristo Jesús por vosotros los Gentiles,
Si es que habéis oído la dispensación de la gracia de Dios que me ha sido dada para con vosotros,
A saber, que por revelación me fué declarado el misterio, como antes he escrito en breve;
Leyendo lo cual podéis entender cuál sea mi inteligencia en el misterio de Cristo:
El cualmisterioen los otros siglos no se dió á conocer á los hijos de los hombres como ahora es revelado á sus santos apóstoles y profetas en el Espíritu:
Que los Gentiles sean juntamente herederos, é incorporados, y consortes de su promesa en Cristo por el evangelio:
Del cual yo soy hecho ministro por el don de la gracia de Dios que me ha sido dado según la operación de su potencia.
A mí, que soy menos que el más pequeño de todos los santos, es dada esta gracia de anunciar entre los Gentiles el evangelio de las inescrutables riquezas de Cristo,
Y de aclarar á todos cuál sea la dispensación del misterio escondido desde los siglos en Dios, que crió todas las cosas.
Para que la multiforme sabiduría de Dios sea ahora notificada por la iglesia á los principados y potestades en los cielos,
Conforme á la determinación eterna, que hizo en Cristo Jesús nuestro Señor:
En el cual tenemos seguridad y entrada con confianza por la fe de él.
Por tanto, pido que no desmayéis á causa de mis tribulaciones por vosotros, las cuales son vuestra gloria.
Por esta causa doblo mis rodillas al Padre de nuestro Señor Jesucristo,
Del cual es nombrada toda la parentela en los cielos y en la tierra,
Que os dé, conforme á las riquezas de su gloria, el ser corroborados con potencia en el hombre interior por su Espíritu.
Que habite Cristo por la fe en vuestros corazones; para que, arraigados y fundados en amor,
Podáis bien comprender con todos los santos cuál sea la anchura y la longura y la profundidad y la altura,
Y conocer el amor de Cristo, que excede á todo conocimiento, para que seáis llenos de toda la plenitud de Dios.
Y á Aquel que es poderoso para hacer todas las cosas mucho más abundantemente de lo que pedimos ó entendemos, por la potencia que obra en nosotros,
A él sea gloria en la iglesia por Cristo Jesús, por todas edades del siglo de los siglos. Amén.
PABLO, apóstol de Jesucristo por la ordenación de Dios nuestro Salvador, y del Señor Jesucristo, nuestra esperanza;
A Timoteo, verdadero hijo en la fe: Gracia, misericordia y paz de Dios nuestro Padre, y de Cristo Jesús nuestro Señor.
Como te rogué que te quedases en Efeso, cuando partí para Macedonia, para que requirieses á algunos que no enseñen diversa doctrina,
Ni presten atención á fábulas y genealogías sin término, que antes engendran cuestiones que la edificación de Dios que es por fe; así te encargo ahora.
Pues el fin del mandamiento es la caridadnacidade corazón limpio, y de buena conciencia, y de fe no fingida:
De lo cual distrayéndose algunos, se apartaron á vanas pláticas;
Queriendo ser doctores de la ley, sin entender ni lo que hablan, ni lo que afirman.
Sabemos empero que la ley es buena, si alguno usa de ella legítimamente;
Conociendo esto, que la ley no es puesta para el justo, sino para los injustos y para los desobedientes, para los impíos y pecadores, para los malos y profanos, para los parricidas y matricidas, para los homicidas,
Para los fornicarios, para los sodomitas, para los ladrones de hombres, para los mentirosos y perjuros, y si hay alguna otra cosa contraria á la sana doctrina;
Según el evangelio de la gloria del Dios bendito, el cual á mí me ha sido encargado.
Y doy gracias al que me fortificó, á Cristo Jesús nuestro Señor, de que me tuvo por fiel, poniéndome en el ministerio:
Habiendo sido antes blasfemo y perseguidor é injuriador: mas fuí recibido á misericordia, porque lo hice con ignorancia en incredulidad.
Mas la gracia de nuestro Señor fué más abundante con la fe y amor queesen Cristo Jesús.
Palabra fiel y digna de ser recibida de todos: que Cristo Jesús vino al mundo para salvar á los pecadores, de los cuales yo soy el primero.
Mas por esto fuí recibido á misericordia, para que Jesucristo mostrase en mí el primero toda su clemencia, para ejemplo de los que habían de creer en él para vida eterna.
Por tanto, al Rey de siglos, inmortal, invisible, al solo sabio Diosseahonor y gloria por los siglos de los siglos. Amén.
Este mandamiento, hijo Timoteo, te encargo, para que, conforme á las profecías pasadas de ti, milites por ellas buena milicia;
Manteniendo la fe y buena conciencia, la cual echando de sí algunos, hicieron naufragio en la fe:
De los cuales son Himeneo y Alejandro, los cuales entregué á Satanás, para que aprendan á no blasfemar.
PORQUE este Melchîsedec, rey de Salem, sacerdote del Dios Altísimo, el cual salió á recibir á Abraham que volvía de la derrota de los reyes, y le bendijo,
Al cual asimismo dió Abraham los diezmos de todo, primeramente él se interpreta Rey de justicia; y luego también Rey de Salem, que es, Rey de paz;
Sin padre, sin madre, sin linaje; que ni tiene principio de días, ni fin de vida, mas hecho semejante al Hijo de Dios, permanece sacerdote para siempre.
Mirad pues cuán grande fué éste, al cual aun Abraham el patriarca dió diezmos de los despojos.
Y ciertamente los que de los hijos de Leví toman el sacerdocio, tienen mandamiento de tomar del pueblo los diezmos según la ley, es á saber, de sus hermanos aunque también hayan salido de los lomos de Abraham.
Mas aquél cuya genealogía no es contada de ellos, tomó de Abraham los diezmos, y bendijo al que tenía las promesas.
Y sin contradicción alguna, lo que es menos es bendecido de lo que es más.
Y aquí ciertamente los hombres mortales toman los diezmos: mas allí, aquel del cual está dado testimonio que vive.
Y, por decirlo así, en Abraham fué diezmado también Leví, que recibe los diezmos;
Porque aun estaba en los lomos de su padre cuando Melchîsedec le salió al encuentro.
Si pues la perfección era por el sacerdocio Levítico (porque debajo de él recibió el pueblo la ley) ¿qué necesidad había aún de que se levantase otro sacerdote según el orden de Melchîsedec, y que no fuese llamado según el orden de Aarón?
Pues mudado el sacerdocio, necesario es que se haga también mudanza de la ley.
Porque aquel del cual esto se dice, de otra tribu es, de la cual nadie asistió al altar.
Porque notorio es que el Señor nuestro nació de la tribu de Judá, sobre cuya tribu nada habló Moisés tocante al sacerdocio.
Y aun más manifiesto es, si á semejanza de Melchîsedec se levanta otro sacerdote,
El cual no es hecho conforme á la ley del mandamiento carnal, sino según la virtud de vida indisoluble;
Pues se da testimonio de él: Tú eres sacerdote para siempre, según el orden de Melchîsedec.
El mandamiento precedente, cierto se abroga por su flaqueza é inutilidad;
Porque nada perfeccionó la ley; mas hízolo la introducción de mejor esperanza, por la cual nos acercamos á Dios.
Y por cuanto no fué sin juramento,
(Porque los otros cierto sin juramento fueron hechos sacerdotes; mas éste, con juramento por el que le dijo: Juró el Señor, y no se arrepentirá: Tú eres sacerdote eternamente según el orden de Melchîsedec:)
Tanto de mejor testamento es hecho fiador Jesús.
Y los otros cierto fueron muchos sacerdotes, en cuanto por la muerte no podían permanecer.
Mas éste, por cuanto permanece para siempre, tiene un sacerdocio inmutable:
Por lo cual puede también salvar eternamente á los que por él se allegan á Dios, viviendo siempre para interceder por ellos.
Porque tal pontífice nos convenía: santo, inocente, limpio, apartado de los pecadores, y hecho más sublime que los cielos;
Que no tiene necesidad cada día, como los otros sacerdotes, de ofrecer primero sacrificios por sus pecados, y luego por los del pueblo: porque esto lo hizo una sola vez, ofreciéndose á sí mismo.
Porque la ley constituye sacerdotes á hombres flacos; mas la palabra del juramento, después de la ley, constituye al Hijo, hecho perfecto para siempre.
LO que era desde el principio, lo que hemos oído, lo que hemos visto con nuestros ojos, lo que hemos mirado, y palparon nuestras manos tocante al Verbo de vida;
(Porque la vida fué manifestada, y vimos, y testificamos, y os anunciamos aquella vida eterna, la cual estaba con el Padre, y nos ha aparecido;)
Lo que hemos visto y oído, eso os anunciamos, para que también vosotros tengáis comunión con nosotros: y nuestra comunión verdaderamente es con el Padre, y con su Hijo Jesucristo.
Y estas cosas os escribimos, para que vuestro gozo sea cumplido.
Y este es el mensaje que oímos de él, y os anunciamos: Que Dios es luz, y en él no hay ningunas tinieblas.
Si nosotros dijéremos que tenemos comunión con él, y andamos en tinieblas, mentimos, y no hacemos la verdad;
Mas si andamos en luz, como él está en luz, tenemos comunión entre nosotros, y la sangre de Jesucristo su Hijo nos limpia de todo pecado.
Si dijéremos que no tenemos pecado, nos engañamos á nosotros mismos, y no hay verdad en nosotros.
Si confesamos nuestros pecados, él es fiel y justo para que nos perdone nuestros pecados, y nos limpie de toda maldad.
Si dijéremos que no hemos pecado, lo hacemos á él mentiroso, y su palabra no está en nosotros.
Y YO me paré sobre la arena del mar, y vi una bestia subir del mar, que tenía siete cabezas y diez cuernos; y sobre sus cuernos diez diademas; y sobre las cabezas de ella nombre de blasfemia.
Y la bestia que vi, era semejante á un leopardo, y sus pies como de oso, y su boca como boca de león. Y el dragón le dió su poder, y su trono, y grande potestad.
Y vi una de sus cabezas como herida de muerte, y la llaga de su muerte fué curada: y se maravilló toda la tierra en pos de la bestia.
Y adoraron al dragón que había dado la potestad á la bestia, y adoraron á la bestia, diciendo: ¿Quién es semejante á la bestia, y quién podrá lidiar con ella?
Y le fué dada boca que hablaba grandes cosas y blasfemias: y le fué dada potencia de obrar cuarenta y dos meses.
Y abrió su boca en blasfemias contra Dios, para blasfemar su nombre, y su tabernáculo, y á los que moran en el cielo.
Y le fué dado hacer guerra contra los santos, y vencerlos. También le fué dada potencia sobre toda tribu y pueblo y lengua y gente.
Y todos los que moran en la tierra le adoraron, cuyos nombres no están escritos en el libro de la vida del Cordero, el cual fué muerto desde el principio del mundo.
Si alguno tiene oído, oiga.
El que lleva en cautividad, va en cautividad: el que á cuchillo matare, es necesario que á cuchillo sea muerto. Aquí está la paciencia y la fe de los santos.
Después vi otra bestia que subía de la tierra; y tenía dos cuernos semejantes á los de un cordero, mas hablaba como un dragón.
Y ejerce todo el poder de la primera bestia en presencia de ella; y hace á la tierra y á los moradores de ella adorar la primera bestia, cuya llaga de muerte fué curada.
Y hace grandes señales, de tal manera que aun hace descender fuego del cielo á la tierra delante de los hombres.
Y engaña á los moradores de la tierra por las señales que le ha sido dado hacer en presencia de la bestia, mandando á los moradores de la tierra que hagan la imagen de la bestia que tiene la herida de cuchillo, y vivió.
Y le fué dado que diese espíritu á la imagen de la bestia, para que la imagen de la bestia hable; y hará que cualesquiera que no adoraren la imagen de la bestia sean muertos.
Y hacía que á todos, á los pequeños y grandes, ricos y pobres, libres y siervos, se pusiese una marca en su mano derecha, ó en sus frentes:
Y que ninguno pudiese comprar ó vender, sino el que tuviera la señal, ó el nombre de la bestia, ó el número de su nombre.
Aquí hay sabiduría. El que tiene entendimiento, cuente el número de la bestia; porque es el número de hombre: y el número de ella, seiscientos sesenta y seis.
